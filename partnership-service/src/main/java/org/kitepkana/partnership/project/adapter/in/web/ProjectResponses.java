package org.kitepkana.partnership.project.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.application.ProjectView;
import org.kitepkana.partnership.project.domain.Amount;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Contribution;
import org.kitepkana.partnership.project.domain.ContributionKind;
import org.kitepkana.partnership.project.domain.Criterion;
import org.kitepkana.partnership.project.domain.Evaluation;
import org.kitepkana.partnership.project.domain.Outcomes;
import org.kitepkana.partnership.project.domain.PartnerRole;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectPlan;

/** Response bodies of the project endpoints. */
final class ProjectResponses {

  private ProjectResponses() {}

  /** A project with everything: for staff. {@code outcomes} is null in lists. */
  record ProjectResponse(
      String id,
      String title,
      String summary,
      LocalDate start,
      LocalDate end,
      String status,
      String scale,
      List<String> contentAreas,
      String leadLibraryId,
      List<String> participatingLibraryIds,
      List<ExternalResponse> externalParticipants,
      List<PartnerRefResponse> partners,
      AmountResponse budget,
      List<ContributionResponse> contributions,
      Totals contributed,
      EvaluationResponse evaluation,
      List<StepResponse> history,
      OutcomesResponse outcomes,
      String proposedBy,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  /** A project as published on {@code partnerships.projects.v1}: for subscribers and the public. */
  record PublishedProjectResponse(
      String id,
      long version,
      String title,
      String status,
      String scale,
      List<String> contentAreas,
      String leadLibraryId,
      List<String> participatingLibraryIds,
      List<String> partnerIds,
      LocalDate start,
      LocalDate end) {}

  record ExternalResponse(String name, String country) {}

  record PartnerRefResponse(String partnerId, List<String> roles) {}

  /** A sum as given, and the same in som. */
  record AmountResponse(
      BigDecimal amount,
      String currency,
      BigDecimal rate,
      LocalDate rateDate,
      BigDecimal amountInSom) {
    static AmountResponse of(Amount a) {
      return new AmountResponse(a.amount(), a.currency(), a.rate(), a.rateDate(), a.inSom());
    }
  }

  record ContributionResponse(
      String kind,
      String partnerId,
      BigDecimal amount,
      String currency,
      BigDecimal rate,
      LocalDate rateDate,
      BigDecimal amountInSom,
      LocalDate receivedOn,
      String description) {
    static ContributionResponse of(Contribution c) {
      Amount a = c.value();
      return new ContributionResponse(
          c.kind().name(),
          c.partnerId().value(),
          a.amount(),
          a.currency(),
          a.rate(),
          a.rateDate(),
          a.inSom(),
          c.receivedOn(),
          c.description());
    }
  }

  /** The contributions added up, in som. */
  record Totals(BigDecimal money, BigDecimal inKind, BigDecimal total) {
    static Totals of(List<Contribution> contributions) {
      BigDecimal money = sum(contributions, ContributionKind.MONEY);
      BigDecimal inKind = sum(contributions, ContributionKind.IN_KIND);
      return new Totals(money, inKind, money.add(inKind));
    }

    private static BigDecimal sum(List<Contribution> contributions, ContributionKind kind) {
      return contributions.stream()
          .filter(c -> c.kind() == kind)
          .map(c -> c.value().inSom())
          .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
  }

  record CriterionResponse(int score, String reasoning) {
    static CriterionResponse of(Criterion c) {
      return new CriterionResponse(c.score(), c.reasoning());
    }
  }

  record EvaluationResponse(
      CriterionResponse necessity,
      CriterionResponse usefulness,
      CriterionResponse attractiveness,
      BigDecimal average,
      String evaluator,
      LocalDate evaluatedOn,
      String outcomes,
      int eventsHeld,
      long attendance,
      int publications) {
    static EvaluationResponse of(Evaluation e) {
      return new EvaluationResponse(
          CriterionResponse.of(e.necessity()),
          CriterionResponse.of(e.usefulness()),
          CriterionResponse.of(e.attractiveness()),
          e.average(),
          e.evaluator(),
          e.evaluatedOn(),
          e.outcomes(),
          e.snapshot().eventsHeld(),
          e.snapshot().attendance(),
          e.snapshot().publications());
    }
  }

  record StepResponse(String status, Instant at, String by, String reason) {}

  /** What a project has produced: library events held and who came, media publications. */
  record OutcomesResponse(
      int eventsHeld,
      int eventsPlanned,
      int eventsCancelled,
      long attendance,
      long walkIns,
      int publications,
      int publicationsByStaff,
      List<LibraryEventResponse> events) {
    static OutcomesResponse of(Outcomes o) {
      return o == null
          ? null
          : new OutcomesResponse(
              o.eventsHeld(),
              o.eventsPlanned(),
              o.eventsCancelled(),
              o.attendance(),
              o.walkIns(),
              o.publications(),
              o.publicationsByStaff(),
              o.events().stream()
                  .map(
                      e ->
                          new LibraryEventResponse(
                              e.eventId(),
                              e.version(),
                              e.title(),
                              e.branchId(),
                              e.start(),
                              e.status(),
                              e.attendance()))
                  .toList());
    }
  }

  /** A library event of the project, as events-service last published it. */
  record LibraryEventResponse(
      String eventId,
      long version,
      String title,
      String branchId,
      String start,
      String status,
      Integer attendance) {}

  /** A page of projects. */
  record PageResponse(List<Object> items, int total, int page, int size) {}

  static Object of(ProjectView view) {
    if (view instanceof ProjectView.Detailed detailed) {
      return detailed(detailed.project(), detailed.outcomes());
    }
    return published(view.project());
  }

  static ProjectResponse detailed(Project p, Outcomes outcomes) {
    ProjectPlan plan = p.plan();
    return new ProjectResponse(
        p.id().value(),
        plan.title(),
        plan.summary(),
        plan.period().start(),
        plan.period().end(),
        p.status().name(),
        plan.scale().name(),
        plan.contentAreas().stream().map(ContentArea::name).toList(),
        plan.leadLibraryId().value(),
        plan.participatingLibraryIds().stream().map(LibraryId::value).toList(),
        plan.externalParticipants().stream()
            .map(e -> new ExternalResponse(e.name(), e.country()))
            .toList(),
        plan.partners().stream()
            .map(
                pp ->
                    new PartnerRefResponse(
                        pp.partnerId().value(),
                        pp.roles().stream().map(PartnerRole::name).toList()))
            .toList(),
        plan.budget() == null ? null : AmountResponse.of(plan.budget()),
        plan.contributions().stream().map(ContributionResponse::of).toList(),
        Totals.of(plan.contributions()),
        p.evaluation() == null ? null : EvaluationResponse.of(p.evaluation()),
        p.history().stream()
            .map(h -> new StepResponse(h.status().name(), h.at(), h.by(), h.reason()))
            .toList(),
        OutcomesResponse.of(outcomes),
        p.proposedBy(),
        p.version(),
        p.createdAt(),
        p.updatedAt());
  }

  static PublishedProjectResponse published(Project p) {
    ProjectPlan plan = p.plan();
    return new PublishedProjectResponse(
        p.id().value(),
        p.version(),
        plan.title(),
        p.status().name(),
        plan.scale().name(),
        plan.contentAreas().stream().map(ContentArea::name).toList(),
        plan.leadLibraryId().value(),
        plan.participatingLibraryIds().stream().map(LibraryId::value).toList(),
        plan.partnerIds().stream().map(PartnerId::value).toList(),
        plan.period().start(),
        plan.period().end());
  }
}
