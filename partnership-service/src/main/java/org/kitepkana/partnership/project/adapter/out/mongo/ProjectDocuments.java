package org.kitepkana.partnership.project.adapter.out.mongo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.domain.Amount;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Contribution;
import org.kitepkana.partnership.project.domain.ContributionKind;
import org.kitepkana.partnership.project.domain.Criterion;
import org.kitepkana.partnership.project.domain.Evaluation;
import org.kitepkana.partnership.project.domain.ExternalParticipant;
import org.kitepkana.partnership.project.domain.OutcomeSnapshot;
import org.kitepkana.partnership.project.domain.PartnerRole;
import org.kitepkana.partnership.project.domain.Period;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectId;
import org.kitepkana.partnership.project.domain.ProjectPartner;
import org.kitepkana.partnership.project.domain.ProjectPlan;
import org.kitepkana.partnership.project.domain.ProjectStatus;
import org.kitepkana.partnership.project.domain.Scale;
import org.kitepkana.partnership.project.domain.StatusChange;

/**
 * A project as a MongoDB document. Money is kept as decimal strings and days as ISO dates, so
 * nothing is rounded or shifted by a time zone on the way.
 */
final class ProjectDocuments {

  private ProjectDocuments() {}

  static Document toDocument(Project p) {
    ProjectPlan plan = p.plan();
    return new Document("_id", p.id().value())
        .append("title", plan.title())
        .append("summary", plan.summary())
        .append("start", plan.period().start().toString())
        .append("end", plan.period().end().toString())
        .append("startYear", p.startYear())
        .append("leadLibraryId", plan.leadLibraryId().value())
        .append(
            "participatingLibraryIds",
            plan.participatingLibraryIds().stream().map(LibraryId::value).toList())
        .append(
            "externalParticipants",
            plan.externalParticipants().stream()
                .map(e -> new Document("name", e.name()).append("country", e.country()))
                .toList())
        .append(
            "partners",
            plan.partners().stream()
                .map(
                    pp ->
                        new Document("partnerId", pp.partnerId().value())
                            .append("roles", pp.roles().stream().map(PartnerRole::name).toList()))
                .toList())
        .append("contentAreas", plan.contentAreas().stream().map(ContentArea::name).toList())
        .append("scale", plan.scale().name())
        .append("budget", plan.budget() == null ? null : amount(plan.budget()))
        .append(
            "contributions",
            plan.contributions().stream()
                .map(
                    c ->
                        amount(c.value())
                            .append("kind", c.kind().name())
                            .append("partnerId", c.partnerId().value())
                            .append("receivedOn", c.receivedOn().toString())
                            .append("description", c.description()))
                .toList())
        .append("status", p.status().name())
        .append("evaluation", p.evaluation() == null ? null : evaluation(p.evaluation()))
        .append(
            "history",
            p.history().stream()
                .map(
                    h ->
                        new Document("status", h.status().name())
                            .append("at", Date.from(h.at()))
                            .append("by", h.by())
                            .append("reason", h.reason()))
                .toList())
        .append("proposedBy", p.proposedBy())
        .append("version", p.version())
        .append("createdAt", Date.from(p.createdAt()))
        .append("updatedAt", Date.from(p.updatedAt()));
  }

  static Project toProject(Document d) {
    ProjectPlan plan =
        new ProjectPlan(
            d.getString("title"),
            d.getString("summary"),
            new Period(LocalDate.parse(d.getString("start")), LocalDate.parse(d.getString("end"))),
            new LibraryId(d.getString("leadLibraryId")),
            d.getList("participatingLibraryIds", String.class, List.of()).stream()
                .map(LibraryId::new)
                .toList(),
            d.getList("externalParticipants", Document.class, List.of()).stream()
                .map(e -> new ExternalParticipant(e.getString("name"), e.getString("country")))
                .toList(),
            d.getList("partners", Document.class, List.of()).stream()
                .map(
                    pp ->
                        new ProjectPartner(
                            new PartnerId(pp.getString("partnerId")),
                            pp.getList("roles", String.class, List.of()).stream()
                                .map(PartnerRole::valueOf)
                                .toList()))
                .toList(),
            d.getList("contentAreas", String.class, List.of()).stream()
                .map(ContentArea::valueOf)
                .toList(),
            Scale.valueOf(d.getString("scale")),
            d.get("budget", Document.class) == null
                ? null
                : toAmount(d.get("budget", Document.class)),
            d.getList("contributions", Document.class, List.of()).stream()
                .map(
                    c ->
                        new Contribution(
                            ContributionKind.valueOf(c.getString("kind")),
                            new PartnerId(c.getString("partnerId")),
                            toAmount(c),
                            LocalDate.parse(c.getString("receivedOn")),
                            c.getString("description")))
                .toList());
    Document evaluation = d.get("evaluation", Document.class);
    return new Project(
        new ProjectId(d.getString("_id")),
        plan,
        ProjectStatus.valueOf(d.getString("status")),
        evaluation == null ? null : toEvaluation(evaluation),
        d.getList("history", Document.class, List.of()).stream()
            .map(
                h ->
                    new StatusChange(
                        ProjectStatus.valueOf(h.getString("status")),
                        h.getDate("at").toInstant(),
                        h.getString("by"),
                        h.getString("reason")))
            .toList(),
        d.getString("proposedBy"),
        ((Number) d.get("version")).longValue(),
        d.getDate("createdAt").toInstant(),
        d.getDate("updatedAt").toInstant());
  }

  private static Document amount(Amount a) {
    return new Document("amount", a.amount().toPlainString())
        .append("currency", a.currency())
        .append("rate", a.rate().toPlainString())
        .append("rateDate", a.rateDate() == null ? null : a.rateDate().toString());
  }

  private static Amount toAmount(Document d) {
    String rateDate = d.getString("rateDate");
    return new Amount(
        new BigDecimal(d.getString("amount")),
        d.getString("currency"),
        new BigDecimal(d.getString("rate")),
        rateDate == null ? null : LocalDate.parse(rateDate));
  }

  private static Document evaluation(Evaluation e) {
    return new Document("necessity", criterion(e.necessity()))
        .append("usefulness", criterion(e.usefulness()))
        .append("attractiveness", criterion(e.attractiveness()))
        .append("evaluator", e.evaluator())
        .append("evaluatedOn", e.evaluatedOn().toString())
        .append("outcomes", e.outcomes())
        .append(
            "snapshot",
            new Document("eventsHeld", e.snapshot().eventsHeld())
                .append("attendance", e.snapshot().attendance())
                .append("publications", e.snapshot().publications()));
  }

  private static Document criterion(Criterion c) {
    return new Document("score", c.score()).append("reasoning", c.reasoning());
  }

  private static Evaluation toEvaluation(Document d) {
    Document s = d.get("snapshot", Document.class);
    return new Evaluation(
        toCriterion(d.get("necessity", Document.class)),
        toCriterion(d.get("usefulness", Document.class)),
        toCriterion(d.get("attractiveness", Document.class)),
        d.getString("evaluator"),
        LocalDate.parse(d.getString("evaluatedOn")),
        d.getString("outcomes"),
        new OutcomeSnapshot(
            ((Number) s.get("eventsHeld")).intValue(),
            ((Number) s.get("attendance")).longValue(),
            ((Number) s.get("publications")).intValue()));
  }

  private static Criterion toCriterion(Document d) {
    return new Criterion(((Number) d.get("score")).intValue(), d.getString("reasoning"));
  }
}
