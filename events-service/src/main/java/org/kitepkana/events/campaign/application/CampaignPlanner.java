package org.kitepkana.events.campaign.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.campaign.domain.CampaignDetails;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.events.directory.domain.KnownBranch;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.shared.application.Access;
import org.kitepkana.events.shared.application.FieldProblem;
import org.kitepkana.events.shared.application.IdSource;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;
import org.kitepkana.platform.security.Actor;

/**
 * Campaigns: coordinators plan and revise them; an invited branch (its librarian, or a coordinator)
 * confirms or declines; coordinators see the overview with attendance.
 */
public class CampaignPlanner {

  private static final int ATTEMPTS = 5;

  private final CampaignRepository campaigns;
  private final CampaignEvents events;
  private final Directory directory;
  private final IdSource ids;
  private final Clock clock;

  public CampaignPlanner(
      CampaignRepository campaigns,
      CampaignEvents events,
      Directory directory,
      IdSource ids,
      Clock clock) {
    this.campaigns = campaigns;
    this.events = events;
    this.directory = directory;
    this.ids = ids;
    this.clock = clock;
  }

  public CampaignResult plan(Actor actor, CampaignDetails details) {
    if (!Access.isCoordinator(actor)) {
      return new CampaignResult.Forbidden(
          "only coordinators plan campaigns, not " + Access.describe(actor));
    }
    List<FieldProblem> problems = unknownBranches(details);
    if (!problems.isEmpty()) {
      return new CampaignResult.Invalid(problems);
    }
    Campaign.Outcome.Changed planned =
        Campaign.plan(new CampaignId(ids.next()), details, clock.instant());
    if (!campaigns.insert(planned.after(), planned.change())) {
      throw new IllegalStateException("campaign id is taken");
    }
    return new CampaignResult.Done(planned.after());
  }

  public CampaignResult revise(
      Actor actor, CampaignId id, CampaignDetails details, Long expectedVersion) {
    if (!Access.isCoordinator(actor)) {
      return new CampaignResult.Forbidden(
          "only coordinators change campaigns, not " + Access.describe(actor));
    }
    List<FieldProblem> problems = unknownBranches(details);
    if (!problems.isEmpty()) {
      return new CampaignResult.Invalid(problems);
    }
    Optional<Campaign> found = campaigns.find(id);
    if (found.isEmpty()) {
      return new CampaignResult.NotFound();
    }
    if (expectedVersion != null && expectedVersion != found.get().version()) {
      return new CampaignResult.VersionConflict(found.get().version());
    }
    return save(found.get(), found.get().revise(details, clock.instant()));
  }

  /** An invited branch's answer; retried on a concurrent answer of another branch. */
  public CampaignResult answer(
      Actor actor, CampaignId id, BranchId branch, Campaign.Answer answer) {
    if (!Access.mayManage(actor, branch)) {
      return new CampaignResult.Forbidden(Access.describe(actor) + " may not answer for " + branch);
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Campaign> found = campaigns.find(id);
      if (found.isEmpty()) {
        return new CampaignResult.NotFound();
      }
      CampaignResult result =
          save(found.get(), found.get().answer(branch, answer, clock.instant()));
      if (!(result instanceof CampaignResult.VersionConflict)) {
        return result;
      }
    }
    return new CampaignResult.VersionConflict(campaigns.find(id).map(Campaign::version).orElse(0L));
  }

  public Optional<Campaign> find(CampaignId id) {
    return campaigns.find(id);
  }

  public List<Campaign> all() {
    return campaigns.findAll();
  }

  /** Who answered, which library events exist and their attendance: coordinators only. */
  public CampaignOverview.Result overview(Actor actor, CampaignId id) {
    if (!Access.isCoordinator(actor)) {
      return new CampaignOverview.Result.Forbidden(
          "only coordinators see campaign overviews, not " + Access.describe(actor));
    }
    Optional<Campaign> found = campaigns.find(id);
    if (found.isEmpty()) {
      return new CampaignOverview.Result.NotFound();
    }
    Campaign campaign = found.get();
    List<LibraryEvent> under = events.under(id);
    Map<BranchId, KnownBranch> names = directory.branches(campaign.details().invited());
    List<CampaignOverview.BranchPart> parts = new ArrayList<>();
    campaign.details().invited().stream()
        .sorted(Comparator.comparing(BranchId::value))
        .forEach(
            b ->
                parts.add(
                    new CampaignOverview.BranchPart(
                        b.value(),
                        names.containsKey(b) ? names.get(b).name() : null,
                        campaign.answerOf(b),
                        under.stream().filter(e -> e.details().branchId().equals(b)).toList())));
    return new CampaignOverview.Result.Shown(new CampaignOverview(campaign, parts, totals(under)));
  }

  private static CampaignOverview.Totals totals(List<LibraryEvent> under) {
    int held = 0;
    int completed = 0;
    int cancelled = 0;
    int registered = 0;
    int waitlisted = 0;
    int attended = 0;
    int walkIns = 0;
    for (LibraryEvent e : under) {
      if (e.status() == EventStatus.CANCELLED) {
        cancelled++;
        continue;
      }
      held++;
      registered += e.seats().confirmed();
      waitlisted += e.seats().waitlisted();
      if (e.attendance() != null) {
        completed++;
        attended += e.attendance().registeredAttended();
        walkIns += e.attendance().walkIns();
      }
    }
    return new CampaignOverview.Totals(
        held, completed, cancelled, registered, waitlisted, attended, walkIns, attended + walkIns);
  }

  private CampaignResult save(Campaign before, Campaign.Outcome outcome) {
    if (outcome instanceof Campaign.Outcome.Refused refused) {
      return new CampaignResult.Refused(refused.reason());
    }
    Campaign.Outcome.Changed changed = (Campaign.Outcome.Changed) outcome;
    if (!campaigns.update(changed.after(), before.version(), changed.change())) {
      return new CampaignResult.VersionConflict(
          campaigns.find(before.id()).map(Campaign::version).orElse(0L));
    }
    return new CampaignResult.Done(changed.after());
  }

  private List<FieldProblem> unknownBranches(CampaignDetails details) {
    Map<BranchId, KnownBranch> known = directory.branches(details.invited());
    List<FieldProblem> problems = new ArrayList<>();
    details.invited().stream()
        .filter(b -> !known.containsKey(b))
        .sorted(Comparator.comparing(BranchId::value))
        .forEach(
            b ->
                problems.add(
                    new FieldProblem("invitedBranchIds", "no branch " + b + " in the directory")));
    return problems;
  }
}
