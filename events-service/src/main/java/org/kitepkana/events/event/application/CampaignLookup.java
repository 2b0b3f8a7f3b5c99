package org.kitepkana.events.event.application;

import java.util.Optional;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.shared.domain.CampaignId;

/** Finds the campaign a library event names. */
@FunctionalInterface
public interface CampaignLookup {

  Optional<Campaign> find(CampaignId id);
}
