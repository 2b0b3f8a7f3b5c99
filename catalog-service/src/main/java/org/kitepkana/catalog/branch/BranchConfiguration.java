package org.kitepkana.catalog.branch;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.kitepkana.catalog.branch.adapter.out.kafka.BranchEvents;
import org.kitepkana.catalog.branch.adapter.out.mongo.MongoBranchRepository;
import org.kitepkana.catalog.branch.application.BranchDirectory;
import org.kitepkana.catalog.branch.application.BranchRepository;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the branch directory. */
@Configuration(proxyBeanMethods = false)
class BranchConfiguration {

  @Bean
  BranchRepository branchRepository(
      MongoDatabase database, EventEnvelopes envelopes, OutboxRelay relay) {
    return new MongoBranchRepository(database, new BranchEvents(envelopes), relay);
  }

  @Bean
  BranchDirectory branchDirectory(BranchRepository branches, Clock clock) {
    return new BranchDirectory(branches, clock);
  }
}
