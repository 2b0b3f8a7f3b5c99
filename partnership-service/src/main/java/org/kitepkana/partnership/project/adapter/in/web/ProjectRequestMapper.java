package org.kitepkana.partnership.project.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import org.kitepkana.partnership.common.adapter.in.web.RequestErrors;
import org.kitepkana.partnership.common.domain.Text;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.adapter.in.web.ProjectRequests.AmountRequest;
import org.kitepkana.partnership.project.adapter.in.web.ProjectRequests.ContributionRequest;
import org.kitepkana.partnership.project.adapter.in.web.ProjectRequests.CriterionRequest;
import org.kitepkana.partnership.project.adapter.in.web.ProjectRequests.EvaluationRequest;
import org.kitepkana.partnership.project.adapter.in.web.ProjectRequests.PartnerRefRequest;
import org.kitepkana.partnership.project.adapter.in.web.ProjectRequests.ProjectRequest;
import org.kitepkana.partnership.project.application.EvaluationDraft;
import org.kitepkana.partnership.project.application.ProjectDraft;
import org.kitepkana.partnership.project.domain.Amount;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Contribution;
import org.kitepkana.partnership.project.domain.ContributionKind;
import org.kitepkana.partnership.project.domain.Criterion;
import org.kitepkana.partnership.project.domain.ExternalParticipant;
import org.kitepkana.partnership.project.domain.PartnerRole;
import org.kitepkana.partnership.project.domain.Period;
import org.kitepkana.partnership.project.domain.ProjectPartner;
import org.kitepkana.partnership.project.domain.ProjectPlan;
import org.kitepkana.partnership.project.domain.Scale;

/**
 * Turns project requests into drafts of well-formed domain values, reporting every malformed field
 * with its JSON path (e.g. {@code contributions[1].currency}) in one 400 answer.
 */
final class ProjectRequestMapper {

  private ProjectRequestMapper() {}

  static ProjectDraft draft(ProjectRequest r) {
    RequestErrors errors = new RequestErrors();
    String title = errors.value("title", () -> Text.required("", r.title(), ProjectPlan.TITLE_MAX));
    String summary =
        errors.value("summary", () -> Text.optional("", r.summary(), ProjectPlan.SUMMARY_MAX));
    Period period = errors.value("", () -> new Period(r.start(), r.end()));
    LibraryId lead =
        r.leadLibraryId() == null
            ? errors.required("leadLibraryId", null)
            : errors.value("leadLibraryId", () -> new LibraryId(r.leadLibraryId()));
    List<LibraryId> participating = new ArrayList<>();
    forEach(
        r.participatingLibraryIds(),
        "participatingLibraryIds",
        errors,
        (path, raw) -> add(participating, errors.value(path, () -> new LibraryId(raw))));
    List<ExternalParticipant> externals = new ArrayList<>();
    forEach(
        r.externalParticipants(),
        "externalParticipants",
        errors,
        (path, e) ->
            add(
                externals,
                errors.value(path, () -> new ExternalParticipant(e.name(), e.country()))));
    List<ProjectPartner> partners = new ArrayList<>();
    forEach(r.partners(), "partners", errors, (path, p) -> add(partners, partner(path, p, errors)));
    List<ContentArea> areas = new ArrayList<>();
    forEach(
        r.contentAreas(),
        "contentAreas",
        errors,
        (path, raw) -> add(areas, errors.enumValue(path, raw, ContentArea.class, true)));
    if (r.contentAreas() == null || r.contentAreas().isEmpty()) {
      errors.add("contentAreas", "at least one content area");
    }
    Scale scale = errors.enumValue("scale", r.scale(), Scale.class, false);
    Amount budget = r.budget() == null ? null : amount("budget", r.budget(), errors);
    List<Contribution> contributions = new ArrayList<>();
    forEach(
        r.contributions(),
        "contributions",
        errors,
        (path, c) -> add(contributions, contribution(path, c, errors)));
    errors.throwIfAny();
    return new ProjectDraft(
        title,
        summary,
        period,
        lead,
        participating,
        externals,
        partners,
        areas,
        scale,
        budget,
        contributions);
  }

  static EvaluationDraft evaluation(EvaluationRequest r) {
    RequestErrors errors = new RequestErrors();
    Criterion necessity = criterion("necessity", r.necessity(), errors);
    Criterion usefulness = criterion("usefulness", r.usefulness(), errors);
    Criterion attractiveness = criterion("attractiveness", r.attractiveness(), errors);
    errors.throwIfAny();
    return new EvaluationDraft(
        necessity, usefulness, attractiveness, r.evaluator(), r.evaluatedOn(), r.outcomes());
  }

  private static Criterion criterion(String path, CriterionRequest c, RequestErrors errors) {
    if (c == null) {
      errors.add(path, "must not be null");
      return null;
    }
    if (c.score() == null) {
      errors.add(path + ".score", "must not be null");
      return null;
    }
    return errors.value(path, () -> new Criterion(c.score(), c.reasoning()));
  }

  private static ProjectPartner partner(String path, PartnerRefRequest p, RequestErrors errors) {
    PartnerId id = partnerId(path + ".partnerId", p.partnerId(), errors);
    List<PartnerRole> roles = new ArrayList<>();
    forEach(
        p.roles(),
        path + ".roles",
        errors,
        (rolePath, raw) -> add(roles, errors.enumValue(rolePath, raw, PartnerRole.class, true)));
    if (id == null || !errors.isEmpty()) {
      return null;
    }
    return errors.value(path, () -> new ProjectPartner(id, roles));
  }

  private static Contribution contribution(
      String path, ContributionRequest c, RequestErrors errors) {
    ContributionKind kind =
        errors.enumValue(path + ".kind", c.kind(), ContributionKind.class, true);
    PartnerId from = partnerId(path + ".partnerId", c.partnerId(), errors);
    Amount value =
        amount(path, new AmountRequest(c.amount(), c.currency(), c.rate(), c.rateDate()), errors);
    if (kind == null || from == null || value == null) {
      return null;
    }
    return errors.value(
        path, () -> new Contribution(kind, from, value, c.receivedOn(), c.description()));
  }

  private static Amount amount(String path, AmountRequest a, RequestErrors errors) {
    return errors.value(path, () -> new Amount(a.amount(), a.currency(), a.rate(), a.rateDate()));
  }

  private static PartnerId partnerId(String path, String raw, RequestErrors errors) {
    if (raw == null) {
      errors.add(path, "must not be null");
      return null;
    }
    return errors.value(path, () -> new PartnerId(raw));
  }

  private interface Each<T> {
    void accept(String path, T item);
  }

  private static <T> void forEach(List<T> items, String path, RequestErrors errors, Each<T> each) {
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      String at = RequestErrors.at(path, i);
      T item = items.get(i);
      if (item == null) {
        errors.add(at, "must not be null");
      } else {
        each.accept(at, item);
      }
    }
  }

  private static <T> void add(List<T> list, T item) {
    if (item != null) {
      list.add(item);
    }
  }
}
