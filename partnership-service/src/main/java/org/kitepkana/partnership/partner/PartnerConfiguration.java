package org.kitepkana.partnership.partner;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.kitepkana.partnership.common.application.Ids;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.partner.adapter.out.kafka.PartnerEvents;
import org.kitepkana.partnership.partner.adapter.out.mongo.MongoPartnerRepository;
import org.kitepkana.partnership.partner.application.PartnerRepository;
import org.kitepkana.partnership.partner.application.PartnerService;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of partners and agreements. */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

  @Bean
  PartnerRepository partnerRepository(
      MongoDatabase database, EventEnvelopes envelopes, OutboxRelay relay) {
    return new MongoPartnerRepository(database, new PartnerEvents(envelopes), relay);
  }

  @Bean
  PartnerService partnerService(
      PartnerRepository partners, LibraryDirectory libraries, Ids ids, Clock clock) {
    return new PartnerService(partners, libraries, ids, clock);
  }
}
