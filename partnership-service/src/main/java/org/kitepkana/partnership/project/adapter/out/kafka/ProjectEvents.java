package org.kitepkana.partnership.project.adapter.out.kafka;

import java.util.List;
import java.util.Optional;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectChange;
import org.kitepkana.partnership.project.domain.ProjectPlan;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;

/**
 * Maps project changes to the public topic {@value #TOPIC}: one event type per lifecycle step and
 * {@code updated} for a changed public summary, each with the summary after the change, keyed by
 * project id. Budgets, contributions and evaluations are never published. Schemas: {@code
 * contracts/schemas/kitepkana.partnerships.project.*.json}.
 */
public final class ProjectEvents {

  public static final String TOPIC = "partnerships.projects.v1";
  public static final String PREFIX = "kitepkana.partnerships.project.";

  /** The wire shape of a project summary, version 1. */
  record ProjectSummaryV1(
      String projectId,
      long version,
      String title,
      String status,
      String scale,
      List<String> contentAreas,
      String leadLibraryId,
      List<String> participatingLibraryIds,
      List<String> partnerIds,
      String start,
      String end) {}

  private final EventEnvelopes envelopes;

  public ProjectEvents(EventEnvelopes envelopes) {
    this.envelopes = envelopes;
  }

  /** The event for a change, or none when nothing public changed. */
  public Optional<EventEnvelope> toEnvelope(ProjectChange change) {
    return type(change).map(type -> envelope(type, change.project()));
  }

  static Optional<String> type(ProjectChange change) {
    if (change instanceof ProjectChange.ProjectReplanned replanned) {
      return replanned.publicPlanChanged() ? Optional.of(PREFIX + "updated") : Optional.empty();
    }
    if (change instanceof ProjectChange.ProjectProposed) {
      return Optional.of(PREFIX + "proposed");
    }
    if (change instanceof ProjectChange.ProjectApproved) {
      return Optional.of(PREFIX + "approved");
    }
    if (change instanceof ProjectChange.ProjectActivated) {
      return Optional.of(PREFIX + "activated");
    }
    if (change instanceof ProjectChange.ProjectCompleted) {
      return Optional.of(PREFIX + "completed");
    }
    if (change instanceof ProjectChange.ProjectEvaluated) {
      return Optional.of(PREFIX + "evaluated");
    }
    if (change instanceof ProjectChange.ProjectRejected) {
      return Optional.of(PREFIX + "rejected");
    }
    return Optional.of(PREFIX + "cancelled");
  }

  private EventEnvelope envelope(String type, Project p) {
    ProjectPlan plan = p.plan();
    return envelopes.create(
        TOPIC,
        p.id().value(),
        type,
        new ProjectSummaryV1(
            p.id().value(),
            p.version(),
            plan.title(),
            p.status().name(),
            plan.scale().name(),
            plan.contentAreas().stream().map(ContentArea::name).toList(),
            plan.leadLibraryId().value(),
            plan.participatingLibraryIds().stream().map(LibraryId::value).toList(),
            plan.partnerIds().stream().map(PartnerId::value).toList(),
            plan.period().start().toString(),
            plan.period().end().toString()));
  }
}
