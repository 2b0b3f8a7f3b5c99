package org.kitepkana.events.campaign;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.EnumSet;
import org.kitepkana.events.campaign.adapter.out.kafka.CampaignScheduleEvents;
import org.kitepkana.events.campaign.adapter.out.mongo.MongoCampaignRepository;
import org.kitepkana.events.campaign.application.CampaignEvents;
import org.kitepkana.events.campaign.application.CampaignPlanner;
import org.kitepkana.events.campaign.application.CampaignRepository;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.events.event.application.EventQuery;
import org.kitepkana.events.event.application.EventRepository;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.shared.application.IdSource;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of campaigns. */
@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

  @Bean
  CampaignRepository campaignRepository(
      MongoDatabase database, EventEnvelopes envelopes, OutboxRelay relay) {
    return new MongoCampaignRepository(database, new CampaignScheduleEvents(envelopes), relay);
  }

  @Bean
  CampaignPlanner campaignPlanner(
      CampaignRepository campaigns,
      EventRepository events,
      Directory directory,
      IdSource ids,
      Clock clock) {
    CampaignEvents under =
        campaign ->
            events.find(
                new EventQuery(
                    null,
                    campaign,
                    null,
                    null,
                    EnumSet.complementOf(EnumSet.of(EventStatus.DRAFT))));
    return new CampaignPlanner(campaigns, under, directory, ids, clock);
  }
}
