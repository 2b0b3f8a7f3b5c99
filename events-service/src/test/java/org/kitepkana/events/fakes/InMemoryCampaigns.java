package org.kitepkana.events.fakes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.events.campaign.application.CampaignRepository;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.campaign.domain.CampaignChange;
import org.kitepkana.events.shared.domain.CampaignId;

/** Campaigns in memory, updated only at the expected version. */
public final class InMemoryCampaigns implements CampaignRepository {

  private final Map<CampaignId, Campaign> campaigns = new LinkedHashMap<>();

  @Override
  public synchronized boolean insert(Campaign campaign, CampaignChange change) {
    return campaigns.putIfAbsent(campaign.id(), campaign) == null;
  }

  @Override
  public synchronized boolean update(
      Campaign campaign, long expectedVersion, CampaignChange change) {
    Campaign current = campaigns.get(campaign.id());
    if (current == null || current.version() != expectedVersion) {
      return false;
    }
    campaigns.put(campaign.id(), campaign);
    return true;
  }

  @Override
  public synchronized Optional<Campaign> find(CampaignId id) {
    return Optional.ofNullable(campaigns.get(id));
  }

  @Override
  public synchronized List<Campaign> findAll() {
    return List.copyOf(campaigns.values());
  }
}
