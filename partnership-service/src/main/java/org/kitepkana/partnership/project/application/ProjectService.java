package org.kitepkana.partnership.project.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.kitepkana.partnership.access.Permissions;
import org.kitepkana.partnership.common.application.Attempts;
import org.kitepkana.partnership.common.application.Ids;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;
import org.kitepkana.partnership.project.domain.Evaluation;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectChange;
import org.kitepkana.partnership.project.domain.ProjectId;
import org.kitepkana.partnership.project.domain.ProjectPlan;
import org.kitepkana.partnership.project.domain.ProjectStatus;
import org.kitepkana.platform.security.Actor;

/**
 * Proposes, replans, moves and evaluates projects. Every command is checked whole before anything
 * is written, and each write is one conditional update of one project (its events included).
 */
public class ProjectService {

  private final ProjectRepository projects;
  private final PlanValidator validator;
  private final OutcomeSource outcomes;
  private final Ids ids;
  private final Clock clock;
  private final ZoneId zone;

  public ProjectService(
      ProjectRepository projects,
      PlanValidator validator,
      OutcomeSource outcomes,
      Ids ids,
      Clock clock,
      ZoneId zone) {
    this.projects = projects;
    this.validator = validator;
    this.outcomes = outcomes;
    this.ids = ids;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * A new project, PROPOSED. Coordinators and officers propose for any library; a branch librarian
   * for her own library as the lead.
   */
  public Result<Project> propose(Actor actor, ProjectDraft draft) {
    String lead = draft.leadLibraryId() == null ? null : draft.leadLibraryId().value();
    if (!Permissions.mayPropose(actor, lead)) {
      return Result.forbidden(
          "a branch librarian proposes projects led by her own library (" + actor.branchId() + ")");
    }
    Result<ProjectPlan> plan = validator.check(draft);
    if (!(plan instanceof Result.Done<ProjectPlan> valid)) {
      return relay(plan);
    }
    Project project =
        Project.propose(new ProjectId(ids.next()), valid.value(), actor.subject(), clock.instant());
    if (!projects.insert(project, new ProjectChange.ProjectProposed(project))) {
      return Result.conflict("projectId", "a project with this id exists");
    }
    return Result.done(project);
  }

  /**
   * Replaces the plan of a project that is not final. A branch librarian may replan her own
   * library's proposal, keeping her library as the lead.
   */
  public Result<Project> replan(
      Actor actor, ProjectId id, ProjectDraft draft, Long expectedVersion) {
    Optional<Project> found = projects.find(id);
    if (found.isEmpty()) {
      return Result.notFound("project " + id);
    }
    if (!mayReplan(actor, found.get(), draft)) {
      return Result.forbidden(
          "only coordinators and partnership officers change projects; a branch librarian"
              + " changes her own library's proposals");
    }
    Result<ProjectPlan> checked = validator.check(draft);
    return Attempts.retrying(
        () -> {
          Optional<Project> current = projects.find(id);
          if (current.isEmpty()) {
            return Optional.of(Result.notFound("project " + id));
          }
          Project before = current.get();
          if (!mayReplan(actor, before, draft)) {
            return Optional.of(
                Result.forbidden(
                    "only coordinators and partnership officers change projects; a branch"
                        + " librarian changes her own library's proposals"));
          }
          Optional<Result<Project>> stale =
              Attempts.staleVersion(expectedVersion, before.version(), "project " + id);
          if (stale.isPresent()) {
            return stale;
          }
          if (!before.status().isEditable()) {
            return Optional.of(
                Result.conflict(
                    "status", "a " + before.status() + " project cannot be changed any more"));
          }
          if (!(checked instanceof Result.Done<ProjectPlan> valid)) {
            return Optional.of(relay(checked));
          }
          if (before.plan().equals(valid.value())) {
            return Optional.of(Result.done(before));
          }
          Project after = before.replan(valid.value(), clock.instant());
          boolean publicChange = !before.plan().publicPlan().equals(after.plan().publicPlan());
          if (projects.update(
              after, before.version(), new ProjectChange.ProjectReplanned(after, publicChange))) {
            return Optional.of(Result.done(after));
          }
          return Attempts.lostRace(expectedVersion, "project " + id);
        },
        "project " + id);
  }

  /**
   * One lifecycle step: APPROVED, ACTIVE, COMPLETED, REJECTED or CANCELLED (a reason is required
   * for the last two). EVALUATED is reached by {@link #evaluate}.
   */
  public Result<Project> moveTo(
      Actor actor, ProjectId id, ProjectStatus target, String reason, Long expectedVersion) {
    if (target == ProjectStatus.EVALUATED) {
      return Result.conflict(
          "status", "a project becomes EVALUATED by its evaluation (PUT .../evaluation)");
    }
    if (target == ProjectStatus.PROPOSED) {
      return Result.conflict("status", "a project is PROPOSED only when it is created");
    }
    String why;
    try {
      why =
          target == ProjectStatus.REJECTED || target == ProjectStatus.CANCELLED
              ? Text.required("reason", reason, 2000)
              : Text.optional("reason", reason, 2000);
    } catch (InvalidValue e) {
      return Result.invalid("reason", e.reason() + " when a project is " + target);
    }
    return Attempts.retrying(
        () -> {
          Optional<Project> current = projects.find(id);
          if (current.isEmpty()) {
            return Optional.of(Result.notFound("project " + id));
          }
          Project before = current.get();
          if (!mayMove(actor, before, target)) {
            return Optional.of(
                Result.forbidden(
                    "only coordinators and partnership officers move projects; a branch"
                        + " librarian may withdraw her own library's proposal"));
          }
          Optional<Result<Project>> stale =
              Attempts.staleVersion(expectedVersion, before.version(), "project " + id);
          if (stale.isPresent()) {
            return stale;
          }
          if (!before.status().mayMoveTo(target)) {
            return Optional.of(
                Result.conflict(
                    "status",
                    "a "
                        + before.status()
                        + " project cannot become "
                        + target
                        + "; next steps: "
                        + before.status().next()));
          }
          Project after = before.moveTo(target, actor.subject(), why, clock.instant());
          if (projects.update(after, before.version(), ProjectChange.stepTo(after))) {
            return Optional.of(Result.done(after));
          }
          return Attempts.lostRace(expectedVersion, "project " + id);
        },
        "project " + id);
  }

  /**
   * Evaluates a COMPLETED project by the three criteria of social effectiveness; the outcomes known
   * at that moment are kept with the evaluation. The project becomes EVALUATED.
   */
  public Result<Project> evaluate(
      Actor actor, ProjectId id, EvaluationDraft draft, Long expectedVersion) {
    if (!Permissions.mayManage(actor)) {
      return Result.forbidden("only coordinators and partnership officers evaluate projects");
    }
    return Attempts.retrying(
        () -> {
          Optional<Project> current = projects.find(id);
          if (current.isEmpty()) {
            return Optional.of(Result.notFound("project " + id));
          }
          Project before = current.get();
          Optional<Result<Project>> stale =
              Attempts.staleVersion(expectedVersion, before.version(), "project " + id);
          if (stale.isPresent()) {
            return stale;
          }
          if (before.status() != ProjectStatus.COMPLETED) {
            return Optional.of(
                Result.conflict(
                    "status",
                    "only a COMPLETED project is evaluated; this one is " + before.status()));
          }
          Evaluation evaluation;
          try {
            evaluation =
                new Evaluation(
                    draft.necessity(),
                    draft.usefulness(),
                    draft.attractiveness(),
                    draft.evaluator(),
                    draft.evaluatedOn() == null
                        ? LocalDate.now(clock.withZone(zone))
                        : draft.evaluatedOn(),
                    draft.outcomes(),
                    outcomes.outcomesOf(id).snapshot());
          } catch (InvalidValue e) {
            return Optional.of(Result.invalid(e.property(), e.reason()));
          }
          Project after = before.evaluate(evaluation, actor.subject(), clock.instant());
          if (projects.update(after, before.version(), ProjectChange.stepTo(after))) {
            return Optional.of(Result.done(after));
          }
          return Attempts.lostRace(expectedVersion, "project " + id);
        },
        "project " + id);
  }

  private static boolean mayReplan(Actor actor, Project project, ProjectDraft draft) {
    if (Permissions.mayManage(actor)) {
      return true;
    }
    String lead = project.plan().leadLibraryId().value();
    return project.status() == ProjectStatus.PROPOSED
        && Permissions.mayAmendProposal(actor, lead)
        && draft.leadLibraryId() != null
        && lead.equals(draft.leadLibraryId().value());
  }

  private static boolean mayMove(Actor actor, Project project, ProjectStatus target) {
    if (Permissions.mayManage(actor)) {
      return true;
    }
    return project.status() == ProjectStatus.PROPOSED
        && target == ProjectStatus.CANCELLED
        && Permissions.mayAmendProposal(actor, project.plan().leadLibraryId().value());
  }

  @SuppressWarnings("unchecked")
  private static <T> Result<T> relay(Result<?> refusal) {
    return (Result<T>) refusal;
  }
}
