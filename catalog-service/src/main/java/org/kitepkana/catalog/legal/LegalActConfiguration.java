package org.kitepkana.catalog.legal;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.kitepkana.catalog.branch.application.BranchRepository;
import org.kitepkana.catalog.legal.adapter.out.kafka.LegalActEvents;
import org.kitepkana.catalog.legal.adapter.out.mongo.MongoLegalActRepository;
import org.kitepkana.catalog.legal.application.LegalActRepository;
import org.kitepkana.catalog.legal.application.LegalActs;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Wiring of the legal-acts databank. */
@Configuration(proxyBeanMethods = false)
class LegalActConfiguration {

  @Bean
  LegalActRepository legalActRepository(
      MongoDatabase database, EventEnvelopes envelopes, OutboxRelay relay) {
    return new MongoLegalActRepository(database, new LegalActEvents(envelopes), relay);
  }

  @Bean
  LegalActs legalActs(
      LegalActRepository acts, BranchRepository branches, RecordStore records, Clock clock) {
    return new LegalActs(
        acts,
        branch -> branches.find(branch).isPresent(),
        record -> records.findFollowingMerges(record).map(CatalogRecord::id),
        clock);
  }

  /**
   * The topic is compacted (the latest event per act is the act), so it is declared here rather
   * than left to the broker's auto-creation, which would make it a plain log; Spring's {@code
   * KafkaAdmin} creates it at startup if it is missing. Partitions and replication come from the
   * broker's defaults (3 partitions and replication factor 3 in production).
   */
  @Bean
  NewTopic legalActsTopic() {
    return TopicBuilder.name(LegalActEvents.TOPIC).compact().build();
  }
}
