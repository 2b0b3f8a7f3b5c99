package org.kitepkana.partnership.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.partnership.fakes.Actors.COORDINATOR;
import static org.kitepkana.partnership.fakes.Actors.OFFICER;
import static org.kitepkana.partnership.fakes.Actors.PUBLIC;
import static org.kitepkana.partnership.fakes.Actors.SUBSCRIBER;
import static org.kitepkana.partnership.fakes.Actors.librarianOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.fakes.Fixtures;
import org.kitepkana.partnership.project.application.EvaluationDraft;
import org.kitepkana.partnership.project.application.ProjectView;
import org.kitepkana.partnership.project.domain.Criterion;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectChange;
import org.kitepkana.partnership.project.domain.ProjectId;
import org.kitepkana.partnership.project.domain.ProjectStatus;
import org.kitepkana.platform.security.Actor;

/** Who may do what with projects, proven with explicit actors. */
class ProjectRulesTest {

  final Fixtures network = new Fixtures();

  ProjectId proposedBy(Actor actor) {
    return done(network.service.propose(actor, network.monoProject())).id();
  }

  static <T> T done(Result<T> result) {
    assertThat(result).isInstanceOf(Result.Done.class);
    return ((Result.Done<T>) result).value();
  }

  @Test
  void coordinatorsAndOfficersProposeForAnyLibrary() {
    assertThat(network.service.propose(COORDINATOR, network.monoProject()))
        .isInstanceOf(Result.Done.class);
    assertThat(
            network.service.propose(
                OFFICER, Fixtures.withLibraries(network.monoProject(), "kochkor", List.of())))
        .isInstanceOf(Result.Done.class);
  }

  @Test
  void aBranchLibrarianProposesForHerOwnLibraryOnly() {
    Project own = done(network.service.propose(librarianOf("at-bashy"), network.monoProject()));
    assertThat(own.status()).isEqualTo(ProjectStatus.PROPOSED);
    assertThat(own.proposedBy()).isEqualTo("librarian-at-bashy");

    assertThat(network.service.propose(librarianOf("kochkor"), network.monoProject()))
        .isInstanceOf(Result.Forbidden.class);
  }

  @Test
  void subscribersAndThePublicWriteNothing() {
    ProjectId id = proposedBy(OFFICER);
    for (Actor outsider : List.of(SUBSCRIBER, PUBLIC)) {
      assertThat(network.service.propose(outsider, network.monoProject()))
          .isInstanceOf(Result.Forbidden.class);
      assertThat(network.service.moveTo(outsider, id, ProjectStatus.APPROVED, null, null))
          .isInstanceOf(Result.Forbidden.class);
      assertThat(network.service.replan(outsider, id, network.monoProject(), null))
          .isInstanceOf(Result.Forbidden.class);
    }
    assertThat(network.projects.changes).hasSize(1);
  }

  @Test
  void aBranchLibrarianCannotApproveEvenHerOwnProposal() {
    ProjectId id = proposedBy(librarianOf("at-bashy"));
    assertThat(
            network.service.moveTo(librarianOf("at-bashy"), id, ProjectStatus.APPROVED, null, null))
        .isInstanceOf(Result.Forbidden.class);
    assertThat(network.service.moveTo(OFFICER, id, ProjectStatus.APPROVED, null, null))
        .isInstanceOf(Result.Done.class);
  }

  @Test
  void aBranchLibrarianWithdrawsHerOwnProposalButNotAnApprovedProjectOrAnotherLibrarysOne() {
    ProjectId own = proposedBy(librarianOf("at-bashy"));
    assertThat(
            network.service.moveTo(
                librarianOf("kochkor"), own, ProjectStatus.CANCELLED, "биз эмес", null))
        .isInstanceOf(Result.Forbidden.class);
    assertThat(
            network.service.moveTo(
                librarianOf("at-bashy"), own, ProjectStatus.CANCELLED, "каражат жок", null))
        .isInstanceOf(Result.Done.class);

    ProjectId approved = proposedBy(librarianOf("at-bashy"));
    done(network.service.moveTo(OFFICER, approved, ProjectStatus.APPROVED, null, null));
    assertThat(
            network.service.moveTo(
                librarianOf("at-bashy"), approved, ProjectStatus.CANCELLED, "каражат жок", null))
        .isInstanceOf(Result.Forbidden.class);
  }

  @Test
  void aBranchLibrarianReplansHerOwnProposalKeepingHerLibraryAsLead() {
    ProjectId id = proposedBy(librarianOf("at-bashy"));
    var withVillage =
        Fixtures.withLibraries(network.monoProject(), "at-bashy", List.of("kara-suu"));
    Project replanned = done(network.service.replan(librarianOf("at-bashy"), id, withVillage, 1L));
    assertThat(replanned.version()).isEqualTo(2);

    var handedOver = Fixtures.withLibraries(network.monoProject(), "kochkor", List.of());
    assertThat(network.service.replan(librarianOf("at-bashy"), id, handedOver, null))
        .isInstanceOf(Result.Forbidden.class);

    done(network.service.moveTo(COORDINATOR, id, ProjectStatus.APPROVED, null, null));
    assertThat(network.service.replan(librarianOf("at-bashy"), id, withVillage, null))
        .isInstanceOf(Result.Forbidden.class);
  }

  @Test
  void onlyCoordinatorsAndOfficersEvaluate() {
    ProjectId id = completed();
    EvaluationDraft draft = evaluation(4);
    assertThat(network.service.evaluate(librarianOf("at-bashy"), id, draft, null))
        .isInstanceOf(Result.Forbidden.class);
    assertThat(network.service.evaluate(SUBSCRIBER, id, draft, null))
        .isInstanceOf(Result.Forbidden.class);
    Project evaluated = done(network.service.evaluate(OFFICER, id, draft, null));
    assertThat(evaluated.status()).isEqualTo(ProjectStatus.EVALUATED);
    assertThat(evaluated.evaluation().evaluatedOn()).hasToString("2025-06-01");
  }

  @Test
  void staffSeeEverythingAndOutsidersThePublishedSummary() {
    ProjectId id = proposedBy(OFFICER);
    assertThat(done(network.queries.find(librarianOf("kochkor"), id)))
        .isInstanceOf(ProjectView.Detailed.class);
    assertThat(done(network.queries.find(OFFICER, id))).isInstanceOf(ProjectView.Detailed.class);
    assertThat(done(network.queries.find(SUBSCRIBER, id)))
        .isInstanceOf(ProjectView.Published.class);
    assertThat(done(network.queries.find(PUBLIC, id))).isInstanceOf(ProjectView.Published.class);
    assertThat(network.queries.outcomes(PUBLIC, id)).isInstanceOf(Result.Forbidden.class);
    assertThat(network.queries.outcomes(librarianOf("kochkor"), id))
        .isInstanceOf(Result.Done.class);
  }

  @Test
  void lifecycleStepsAreEventsAndIllegalStepsAreConflictsOnStatus() {
    ProjectId id = completed();
    var backwards = network.service.moveTo(OFFICER, id, ProjectStatus.APPROVED, null, null);
    assertThat(backwards).isInstanceOf(Result.Conflict.class);
    assertThat(((Result.Conflict<Project>) backwards).field()).isEqualTo("status");
    assertThat(network.service.moveTo(OFFICER, id, ProjectStatus.EVALUATED, null, null))
        .isInstanceOf(Result.Conflict.class);
    assertThat(network.projects.changes)
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly(
            "ProjectProposed", "ProjectApproved", "ProjectActivated", "ProjectCompleted");

    ProjectId proposal = proposedBy(OFFICER);
    var noReason = network.service.moveTo(OFFICER, proposal, ProjectStatus.REJECTED, " ", null);
    assertThat(noReason).isInstanceOf(Result.Invalid.class);
    assertThat(((Result.Invalid<Project>) noReason).violations().get(0).field())
        .isEqualTo("reason");
    assertThat(network.service.moveTo(OFFICER, proposal, ProjectStatus.ACTIVE, null, null))
        .isInstanceOf(Result.Conflict.class);
    Project rejected =
        done(network.service.moveTo(OFFICER, proposal, ProjectStatus.REJECTED, "кайталанат", null));
    assertThat(rejected.history()).extracting(h -> h.reason()).containsExactly(null, "кайталанат");
    assertThat(network.service.replan(OFFICER, proposal, network.monoProject(), null))
        .isInstanceOf(Result.Conflict.class);
  }

  @Test
  void aStaleVersionIsAConflictAndChangesNothing() {
    ProjectId id = proposedBy(OFFICER);
    var stale = network.service.moveTo(OFFICER, id, ProjectStatus.APPROVED, null, 7L);
    assertThat(stale).isInstanceOf(Result.Conflict.class);
    assertThat(((Result.Conflict<Project>) stale).field()).isEqualTo("version");
    assertThat(network.projects.find(id).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void anUnchangedPlanIsNoChangeAndABudgetChangeIsNotPublic() {
    ProjectId id = proposedBy(OFFICER);
    assertThat(done(network.service.replan(OFFICER, id, network.monoProject(), null)).version())
        .isEqualTo(1);
    var d = network.monoProject();
    var cheaper =
        new org.kitepkana.partnership.project.application.ProjectDraft(
            d.title(),
            d.summary(),
            d.period(),
            d.leadLibraryId(),
            d.participatingLibraryIds(),
            d.externalParticipants(),
            d.partners(),
            d.contentAreas(),
            d.declaredScale(),
            null,
            d.contributions());
    done(network.service.replan(OFFICER, id, cheaper, null));
    var last = (ProjectChange.ProjectReplanned) network.projects.changes.get(1);
    assertThat(last.publicPlanChanged()).isFalse();
  }

  ProjectId completed() {
    ProjectId id = proposedBy(OFFICER);
    for (ProjectStatus step :
        List.of(ProjectStatus.APPROVED, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED)) {
      done(network.service.moveTo(OFFICER, id, step, null, null));
    }
    return id;
  }

  static EvaluationDraft evaluation(int score) {
    return new EvaluationDraft(
        new Criterion(score, "Айылда юрист жок"),
        new Criterion(score, "120 консультация"),
        new Criterion(score, "Окурмандар кайра келишти"),
        "Асанова Н. Т., методист",
        null,
        "Айыл өкмөтү борборду улантууну чечти");
  }
}
