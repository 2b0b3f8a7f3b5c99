package org.kitepkana.partnership.project.adapter.in.web;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the project endpoints. */
final class ProjectRequests {

  private ProjectRequests() {}

  /**
   * A project plan. {@code scale} is optional (derived from the participants when absent); {@code
   * version} is an optional optimistic check when replanning.
   */
  record ProjectRequest(
      String title,
      String summary,
      LocalDate start,
      LocalDate end,
      String leadLibraryId,
      @Size(max = 200) List<String> participatingLibraryIds,
      @Size(max = 200) List<ExternalRequest> externalParticipants,
      @Size(max = 200) List<PartnerRefRequest> partners,
      @Size(max = 20) List<String> contentAreas,
      String scale,
      AmountRequest budget,
      @Size(max = 200) List<ContributionRequest> contributions,
      Long version) {}

  /** A participant from outside the region's network; {@code country} as ISO 3166-1 alpha-2. */
  record ExternalRequest(String name, String country) {}

  /** A partner of the project with its roles. */
  record PartnerRefRequest(String partnerId, @Size(max = 5) List<String> roles) {}

  /** A sum: in KGS, or in another currency with its rate (KGS per unit) and the rate's date. */
  record AmountRequest(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate) {}

  /**
   * A contribution: MONEY, or IN_KIND with {@code amount} as its valuation and a description of
   * what was given.
   */
  record ContributionRequest(
      String kind,
      String partnerId,
      BigDecimal amount,
      String currency,
      BigDecimal rate,
      LocalDate rateDate,
      LocalDate receivedOn,
      String description) {}

  /** A lifecycle step: the status to reach, why (required to reject or cancel), version check. */
  record TransitionRequest(String status, String reason, Long version) {}

  /** An evaluation by the three criteria of social effectiveness. */
  record EvaluationRequest(
      CriterionRequest necessity,
      CriterionRequest usefulness,
      CriterionRequest attractiveness,
      String evaluator,
      LocalDate evaluatedOn,
      String outcomes,
      Long version) {}

  /** A score from 1 to 5 and the evaluator's reasoning. */
  record CriterionRequest(Integer score, String reasoning) {}
}
