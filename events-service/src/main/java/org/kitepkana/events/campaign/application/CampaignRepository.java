package org.kitepkana.events.campaign.application;

import java.util.List;
import java.util.Optional;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.campaign.domain.CampaignChange;
import org.kitepkana.events.shared.domain.CampaignId;

/** Where campaigns are kept; saving one also queues its change for the public schedule. */
public interface CampaignRepository {

  boolean insert(Campaign campaign, CampaignChange change);

  /** Replaces the campaign if it is still at {@code expectedVersion}; false otherwise. */
  boolean update(Campaign campaign, long expectedVersion, CampaignChange change);

  Optional<Campaign> find(CampaignId id);

  List<Campaign> findAll();
}
