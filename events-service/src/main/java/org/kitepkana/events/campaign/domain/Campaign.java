package org.kitepkana.events.campaign.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.kitepkana.events.campaign.domain.CampaignChange.CampaignAnswered;
import org.kitepkana.events.campaign.domain.CampaignChange.CampaignPlanned;
import org.kitepkana.events.campaign.domain.CampaignChange.CampaignRevised;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;

/**
 * A network-wide programme planned by the regional library (a legal-literacy week): invited
 * branches confirm or decline, then schedule their own library events under it.
 */
public record Campaign(
    CampaignId id,
    CampaignDetails details,
    Set<BranchId> confirmed,
    Set<BranchId> declined,
    long version,
    Instant updatedAt) {

  /** A branch's answer to an invitation. */
  public enum Answer {
    CONFIRMED,
    DECLINED
  }

  /** The outcome of asking a campaign to change. */
  public sealed interface Outcome {
    record Changed(Campaign after, CampaignChange change) implements Outcome {}

    record Refused(String reason) implements Outcome {}
  }

  public Campaign {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(details, "details");
    confirmed = Set.copyOf(confirmed);
    declined = Set.copyOf(declined);
    if (!details.invited().containsAll(confirmed) || !details.invited().containsAll(declined)) {
      throw new IllegalArgumentException("only invited branches answer");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
  }

  public static Outcome.Changed plan(CampaignId id, CampaignDetails details, Instant now) {
    Campaign c = new Campaign(id, details, Set.of(), Set.of(), 1, now);
    return new Outcome.Changed(c, new CampaignPlanned(c));
  }

  /** New details; branches no longer invited lose their answer. */
  public Outcome revise(CampaignDetails revised, Instant now) {
    if (revised.equals(details)) {
      return new Outcome.Refused("nothing changes");
    }
    Set<BranchId> stillConfirmed = new HashSet<>(confirmed);
    stillConfirmed.retainAll(revised.invited());
    Set<BranchId> stillDeclined = new HashSet<>(declined);
    stillDeclined.retainAll(revised.invited());
    Campaign c = new Campaign(id, revised, stillConfirmed, stillDeclined, version + 1, now);
    return new Outcome.Changed(c, new CampaignRevised(c));
  }

  /** An invited branch confirms or declines (and may change its mind). */
  public Outcome answer(BranchId branch, Answer answer, Instant now) {
    if (!details.invited().contains(branch)) {
      return new Outcome.Refused(branch + " is not invited to this campaign");
    }
    if (answer == answerOf(branch)) {
      return new Outcome.Refused(branch + " has answered " + answer + " already");
    }
    Set<BranchId> yes = new HashSet<>(confirmed);
    Set<BranchId> no = new HashSet<>(declined);
    yes.remove(branch);
    no.remove(branch);
    (answer == Answer.CONFIRMED ? yes : no).add(branch);
    Campaign c = new Campaign(id, details, yes, no, version + 1, now);
    return new Outcome.Changed(c, new CampaignAnswered(c, branch, answer));
  }

  /** The branch's answer, or null if it has not answered. */
  public Answer answerOf(BranchId branch) {
    if (confirmed.contains(branch)) {
      return Answer.CONFIRMED;
    }
    return declined.contains(branch) ? Answer.DECLINED : null;
  }
}
