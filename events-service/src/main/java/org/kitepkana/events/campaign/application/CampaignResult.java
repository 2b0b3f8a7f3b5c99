package org.kitepkana.events.campaign.application;

import java.util.List;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.shared.application.FieldProblem;

/** The outcome of a request about a campaign. */
public sealed interface CampaignResult {

  record Done(Campaign campaign) implements CampaignResult {}

  record NotFound() implements CampaignResult {}

  record Forbidden(String reason) implements CampaignResult {}

  record Invalid(List<FieldProblem> problems) implements CampaignResult {}

  record Refused(String reason) implements CampaignResult {}

  record VersionConflict(long currentVersion) implements CampaignResult {}
}
