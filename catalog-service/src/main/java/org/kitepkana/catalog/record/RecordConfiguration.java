package org.kitepkana.catalog.record;

import com.mongodb.client.MongoDatabase;
import org.kitepkana.catalog.record.adapter.out.kafka.RecordEvents;
import org.kitepkana.catalog.record.adapter.out.mongo.MongoRecordStore;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the union catalogue's records. */
@Configuration(proxyBeanMethods = false)
class RecordConfiguration {

  @Bean
  RecordStore recordStore(MongoDatabase database, EventEnvelopes envelopes, OutboxRelay relay) {
    return new MongoRecordStore(database, new RecordEvents(envelopes), relay);
  }
}
