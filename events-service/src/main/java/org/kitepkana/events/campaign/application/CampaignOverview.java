package org.kitepkana.events.campaign.application;

import java.util.List;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.event.domain.LibraryEvent;

/**
 * What the coordinator sees of a campaign: every invited branch with its answer and its library
 * events, and the totals.
 */
public record CampaignOverview(Campaign campaign, List<BranchPart> branches, Totals totals) {

  /** The outcome of asking for an overview. */
  public sealed interface Result {
    record Shown(CampaignOverview overview) implements Result {}

    record NotFound() implements Result {}

    record Forbidden(String reason) implements Result {}
  }

  /** One invited branch. {@code answer} is null until it answers. */
  public record BranchPart(
      String branchId, String branchName, Campaign.Answer answer, List<LibraryEvent> events) {}

  /** Sums over the campaign's library events (cancelled ones count only as cancelled). */
  public record Totals(
      int events,
      int completed,
      int cancelled,
      int registered,
      int waitlisted,
      int registeredAttended,
      int walkIns,
      int attendance) {}
}
