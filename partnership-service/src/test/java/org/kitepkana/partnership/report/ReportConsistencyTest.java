package org.kitepkana.partnership.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.partnership.fakes.Actors.PUBLIC;
import static org.kitepkana.partnership.fakes.Actors.SUBSCRIBER;
import static org.kitepkana.partnership.fakes.Actors.librarianOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.fakes.Fixtures;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.partner.domain.PartnerType;
import org.kitepkana.partnership.project.domain.Amount;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Contribution;
import org.kitepkana.partnership.project.domain.ContributionKind;
import org.kitepkana.partnership.project.domain.Criterion;
import org.kitepkana.partnership.project.domain.Evaluation;
import org.kitepkana.partnership.project.domain.OutcomeSnapshot;
import org.kitepkana.partnership.project.domain.PartnerRole;
import org.kitepkana.partnership.project.domain.Period;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectId;
import org.kitepkana.partnership.project.domain.ProjectPartner;
import org.kitepkana.partnership.project.domain.ProjectPlan;
import org.kitepkana.partnership.project.domain.ProjectStatus;
import org.kitepkana.partnership.project.domain.Scale;
import org.kitepkana.partnership.report.application.ReportKind;
import org.kitepkana.partnership.report.application.ReportService;
import org.kitepkana.partnership.report.domain.ReportTable;
import org.kitepkana.partnership.report.domain.Span;

/**
 * Twenty-five years of generated projects: every view of the same span adds up to the same totals,
 * and spans add up.
 */
class ReportConsistencyTest {

  final Fixtures network = new Fixtures();
  final ReportService reports =
      new ReportService(
          network.projects, network.partners, network.libraries, Fixtures.CLOCK, Fixtures.BISHKEK);
  final Span all = new Span(2001, 2025);

  static final Evaluation EVALUATION =
      new Evaluation(
          new Criterion(5, "керек"),
          new Criterion(4, "пайдалуу"),
          new Criterion(4, "кызыктуу"),
          "методист",
          LocalDate.of(2025, 1, 20),
          null,
          new OutcomeSnapshot(3, 120, 1));

  @BeforeEach
  void twentyFiveYears() {
    Random random = new Random(20010101);
    List<PartnerId> partners = new ArrayList<>();
    for (PartnerType type : PartnerType.values()) {
      for (int i = 0; i < 2; i++) {
        partners.add(network.partner(type.name() + " " + i, type));
      }
    }
    List<String> libraries = List.of("naryn-oblast", "at-bashy", "kara-suu", "kochkor");
    ProjectStatus[] statuses = ProjectStatus.values();
    for (int n = 0; n < 300; n++) {
      int year = 2001 + random.nextInt(25);
      LocalDate start = LocalDate.of(year, 1 + random.nextInt(12), 1);
      List<ProjectPartner> chosen = new ArrayList<>();
      for (PartnerId p : partners) {
        if (random.nextInt(8) == 0) {
          chosen.add(new ProjectPartner(p, List.of(PartnerRole.values()[random.nextInt(5)])));
        }
      }
      List<Contribution> given = new ArrayList<>();
      for (ProjectPartner p : chosen) {
        if (random.nextBoolean()) {
          Amount value =
              random.nextBoolean()
                  ? Amount.som(BigDecimal.valueOf(random.nextInt(100000), 2))
                  : new Amount(
                      BigDecimal.valueOf(random.nextInt(5000)),
                      "USD",
                      new BigDecimal("84.7513"),
                      start);
          given.add(
              new Contribution(
                  random.nextBoolean() ? ContributionKind.MONEY : ContributionKind.IN_KIND,
                  p.partnerId(),
                  value,
                  start.plusDays(random.nextInt(700)),
                  "китептер"));
        }
      }
      Set<ContentArea> areas = EnumSet.noneOf(ContentArea.class);
      for (int i = 0; i <= random.nextInt(3); i++) {
        areas.add(ContentArea.values()[random.nextInt(ContentArea.values().length)]);
      }
      ProjectPlan plan =
          new ProjectPlan(
              "Долбоор " + n,
              null,
              new Period(start, start.plusMonths(6)),
              new LibraryId(libraries.get(random.nextInt(libraries.size()))),
              List.of(),
              List.of(),
              chosen,
              List.copyOf(areas),
              Scale.values()[random.nextInt(random.nextInt(4) == 0 ? 5 : 1)],
              null,
              given);
      ProjectStatus status = statuses[random.nextInt(statuses.length)];
      Project p =
          new Project(
              new ProjectId(network.ids.next()),
              plan,
              status,
              status == ProjectStatus.EVALUATED ? EVALUATION : null,
              List.of(),
              "test",
              1,
              Fixtures.CLOCK.instant(),
              Fixtures.CLOCK.instant());
      network.projects.put(p);
    }
  }

  ReportTable report(ReportKind kind, Span span) {
    Result<ReportTable> result =
        reports.report(librarianOf("kochkor"), kind, span, ReportService.CARRIED_OUT);
    assertThat(result).isInstanceOf(Result.Done.class);
    return ((Result.Done<ReportTable>) result).value();
  }

  static long whole(Object cell) {
    return ((Number) cell).longValue();
  }

  static BigDecimal money(Object cell) {
    return (BigDecimal) cell;
  }

  @Test
  void projectsPerYearAreTheSameByScaleAndByContentArea() {
    ReportTable byScale = report(ReportKind.PROJECTS_BY_SCALE, all);
    ReportTable byArea = report(ReportKind.PROJECTS_BY_CONTENT_AREA, all);
    assertThat(byScale.rows()).hasSize(25);
    long counted = 0;
    for (int i = 0; i < 25; i++) {
      Map<String, Object> scaleRow = byScale.rows().get(i);
      Map<String, Object> areaRow = byArea.rows().get(i);
      assertThat(scaleRow.get("year")).isEqualTo(areaRow.get("year"));
      assertThat(whole(scaleRow.get("total"))).isEqualTo(whole(areaRow.get("projects")));
      long sumOfScales = 0;
      for (Scale s : Scale.values()) {
        sumOfScales += whole(scaleRow.get(s.name()));
      }
      assertThat(sumOfScales).isEqualTo(whole(scaleRow.get("total")));
      long mentions = 0;
      for (ContentArea a : ContentArea.values()) {
        mentions += whole(areaRow.get(a.name()));
      }
      assertThat(mentions)
          .isEqualTo(whole(areaRow.get("mentions")))
          .isGreaterThanOrEqualTo(whole(areaRow.get("projects")));
      counted += whole(scaleRow.get("total"));
    }
    assertThat(whole(byScale.totals().get("total")))
        .isEqualTo(counted)
        .isEqualTo(whole(byArea.totals().get("projects")))
        .isEqualTo(network.projects.all().stream().filter(p -> p.status().isCarriedOut()).count())
        .isPositive();
    assertThat(whole(byScale.totals().get("MONO")))
        .isGreaterThan(whole(byScale.totals().get("REGIONAL")));
  }

  @Test
  void fundsPerYearAreTheSameByPartnerTypeAndByLibrary() {
    ReportTable byYear = report(ReportKind.FUNDS_BY_YEAR, all);
    ReportTable byType = report(ReportKind.FUNDS_BY_PARTNER_TYPE, all);
    ReportTable byLibrary = report(ReportKind.FUNDS_BY_LIBRARY, all);
    for (Map<String, Object> year : byYear.rows()) {
      for (String column : List.of("money", "inKind", "total")) {
        assertThat(sum(byType, year.get("year"), column))
            .as("%s %s by type", year.get("year"), column)
            .isEqualByComparingTo(money(year.get(column)));
        assertThat(sum(byLibrary, year.get("year"), column))
            .as("%s %s by library", year.get("year"), column)
            .isEqualByComparingTo(money(year.get(column)));
      }
    }
    assertThat(money(byYear.totals().get("total")))
        .isEqualByComparingTo(money(byType.totals().get("total")))
        .isEqualByComparingTo(money(byLibrary.totals().get("total")))
        .isPositive();
    ReportTable byPartner = report(ReportKind.PARTNERS_BY_PROJECTS, all);
    assertThat(money(byPartner.totals().get("money")))
        .isEqualByComparingTo(money(byYear.totals().get("money")));
  }

  @Test
  void partnerParticipationsAddUpAndTypesAreRankedByProjects() {
    ReportTable byType = report(ReportKind.PARTNERS_BY_TYPE, all);
    ReportTable byPartner = report(ReportKind.PARTNERS_BY_PROJECTS, all);
    assertThat(whole(byPartner.totals().get("projects")))
        .isEqualTo(whole(byType.totals().get("participations")));
    for (Map<String, Object> type : byType.rows()) {
      long perPartner =
          byPartner.rows().stream()
              .filter(r -> r.get("type").equals(type.get("type")))
              .mapToLong(r -> whole(r.get("projects")))
              .sum();
      assertThat(perPartner).isEqualTo(whole(type.get("participations")));
    }
    List<Long> projects = byType.rows().stream().map(r -> whole(r.get("projects"))).toList();
    assertThat(projects).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(whole(byType.totals().get("partners"))).isEqualTo(network.partners.all().size());
  }

  @Test
  void spansAddUp() {
    for (ReportKind kind : List.of(ReportKind.PROJECTS_BY_SCALE, ReportKind.FUNDS_BY_YEAR)) {
      ReportTable whole = report(kind, all);
      ReportTable early = report(kind, new Span(2001, 2012));
      ReportTable late = report(kind, new Span(2013, 2025));
      String column = "total";
      BigDecimal sum =
          new BigDecimal(early.totals().get(column).toString())
              .add(new BigDecimal(late.totals().get(column).toString()));
      assertThat(sum).isEqualByComparingTo(whole.totals().get(column).toString());
    }
  }

  @Test
  void reportsAreForTheStaff() {
    assertThat(reports.report(PUBLIC, ReportKind.FUNDS_BY_YEAR, all, ReportService.CARRIED_OUT))
        .isInstanceOf(Result.Forbidden.class);
    assertThat(
            reports.report(
                SUBSCRIBER, ReportKind.PROJECTS_BY_SCALE, all, ReportService.CARRIED_OUT))
        .isInstanceOf(Result.Forbidden.class);
  }

  static BigDecimal sum(ReportTable table, Object year, String column) {
    return table.rows().stream()
        .filter(r -> r.get("year").equals(year))
        .map(r -> money(r.get(column)))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
