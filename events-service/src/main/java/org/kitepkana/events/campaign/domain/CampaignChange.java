package org.kitepkana.events.campaign.domain;

import org.kitepkana.events.shared.domain.BranchId;

/** What happened to a campaign; each carries the full new state. */
public sealed interface CampaignChange {

  Campaign campaign();

  /** The regional library planned a campaign and invited branches. */
  record CampaignPlanned(Campaign campaign) implements CampaignChange {}

  /** The campaign's title, theme, dates or invitations changed. */
  record CampaignRevised(Campaign campaign) implements CampaignChange {}

  /** An invited branch confirmed or declined. */
  record CampaignAnswered(Campaign campaign, BranchId branch, Campaign.Answer answer)
      implements CampaignChange {}
}
