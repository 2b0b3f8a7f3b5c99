package org.kitepkana.partnership.report.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kitepkana.partnership.access.Permissions;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.application.PartnerRepository;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.partner.domain.PartnerType;
import org.kitepkana.partnership.project.application.ProjectRepository;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Contribution;
import org.kitepkana.partnership.project.domain.ContributionKind;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectStatus;
import org.kitepkana.partnership.project.domain.Scale;
import org.kitepkana.partnership.report.domain.ReportTable;
import org.kitepkana.partnership.report.domain.Span;
import org.kitepkana.platform.security.Actor;

/**
 * Computes the yearly reports from the service's own collections, with full scans when asked (a
 * regional network has thousands of projects at most), never on a write path. A project counts in
 * the year it started; a contribution in the year it was received; a contribution counts for its
 * partner's type and for the project's lead library. By default only projects that were carried out
 * (approved, active, completed, evaluated) count. Every view of the same span adds up to the same
 * totals.
 */
public class ReportService {

  /** What reports count by default. */
  public static final Set<ProjectStatus> CARRIED_OUT =
      Set.copyOf(
          Arrays.stream(ProjectStatus.values()).filter(ProjectStatus::isCarriedOut).toList());

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  private final ProjectRepository projects;
  private final PartnerRepository partners;
  private final LibraryDirectory libraries;
  private final Clock clock;
  private final ZoneId zone;

  public ReportService(
      ProjectRepository projects,
      PartnerRepository partners,
      LibraryDirectory libraries,
      Clock clock,
      ZoneId zone) {
    this.projects = projects;
    this.partners = partners;
    this.libraries = libraries;
    this.clock = clock;
    this.zone = zone;
  }

  /** The current year in the region's calendar: the default end of a span. */
  public int currentYear() {
    return LocalDate.now(clock.withZone(zone)).getYear();
  }

  public Result<ReportTable> report(
      Actor actor, ReportKind kind, Span span, Set<ProjectStatus> statuses) {
    if (!Permissions.mayReadDetails(actor)) {
      return Result.forbidden("reports are for the staff of the network");
    }
    List<Project> counted =
        projects.all().stream().filter(p -> statuses.contains(p.status())).toList();
    Map<PartnerId, Partner> partnerById = new HashMap<>();
    partners.all().forEach(p -> partnerById.put(p.id(), p));
    return Result.done(
        switch (kind) {
          case PROJECTS_BY_SCALE -> projectsByScale(span, counted);
          case PROJECTS_BY_CONTENT_AREA -> projectsByContentArea(span, counted);
          case PARTNERS_BY_TYPE -> partnersByType(span, counted, partnerById);
          case PARTNERS_BY_PROJECTS -> partnersByProjects(span, counted, partnerById);
          case FUNDS_BY_YEAR -> fundsByYear(span, counted);
          case FUNDS_BY_PARTNER_TYPE -> fundsByPartnerType(span, counted, partnerById);
          case FUNDS_BY_LIBRARY -> fundsByLibrary(span, counted);
        });
  }

  static ReportTable projectsByScale(Span span, List<Project> counted) {
    List<String> columns = new ArrayList<>(List.of("year"));
    Arrays.stream(Scale.values()).forEach(s -> columns.add(s.name()));
    columns.add("total");
    ReportTable table =
        new ReportTable(ReportKind.PROJECTS_BY_SCALE.slug(), span.from(), span.to(), columns);
    long[] sums = new long[Scale.values().length + 1];
    for (int year = span.from(); year <= span.to(); year++) {
      int y = year;
      List<Object> cells = new ArrayList<>(List.of(year));
      long total = 0;
      for (Scale scale : Scale.values()) {
        long n =
            counted.stream().filter(p -> p.startYear() == y && p.plan().scale() == scale).count();
        cells.add(n);
        sums[scale.ordinal()] += n;
        total += n;
      }
      cells.add(total);
      sums[Scale.values().length] += total;
      table.row(cells.toArray());
    }
    List<Object> totals = new ArrayList<>();
    totals.add(null);
    Arrays.stream(sums).forEach(totals::add);
    return table.totals(totals.toArray());
  }

  static ReportTable projectsByContentArea(Span span, List<Project> counted) {
    List<String> columns = new ArrayList<>(List.of("year"));
    Arrays.stream(ContentArea.values()).forEach(a -> columns.add(a.name()));
    columns.add("projects");
    columns.add("mentions");
    ReportTable table =
        new ReportTable(
            ReportKind.PROJECTS_BY_CONTENT_AREA.slug(), span.from(), span.to(), columns);
    long[] sums = new long[ContentArea.values().length + 2];
    for (int year = span.from(); year <= span.to(); year++) {
      int y = year;
      List<Project> started = counted.stream().filter(p -> p.startYear() == y).toList();
      List<Object> cells = new ArrayList<>(List.of(year));
      long mentions = 0;
      for (ContentArea area : ContentArea.values()) {
        long n = started.stream().filter(p -> p.plan().contentAreas().contains(area)).count();
        cells.add(n);
        sums[area.ordinal()] += n;
        mentions += n;
      }
      cells.add((long) started.size());
      cells.add(mentions);
      sums[ContentArea.values().length] += started.size();
      sums[ContentArea.values().length + 1] += mentions;
      table.row(cells.toArray());
    }
    List<Object> totals = new ArrayList<>();
    totals.add(null);
    Arrays.stream(sums).forEach(totals::add);
    return table.totals(totals.toArray());
  }

  static ReportTable partnersByType(
      Span span, List<Project> counted, Map<PartnerId, Partner> partnerById) {
    List<Project> inSpan = counted.stream().filter(p -> span.contains(p.startYear())).toList();
    Map<PartnerType, Set<String>> projectsOf = new EnumMap<>(PartnerType.class);
    Map<PartnerType, Set<PartnerId>> activeOf = new EnumMap<>(PartnerType.class);
    Map<PartnerType, Long> participations = new EnumMap<>(PartnerType.class);
    Set<String> withPartners = new HashSet<>();
    for (Project p : inSpan) {
      for (PartnerId id : p.plan().partnerIds()) {
        Partner partner = partnerById.get(id);
        if (partner == null) {
          continue;
        }
        projectsOf.computeIfAbsent(partner.type(), t -> new HashSet<>()).add(p.id().value());
        activeOf.computeIfAbsent(partner.type(), t -> new HashSet<>()).add(id);
        participations.merge(partner.type(), 1L, Long::sum);
        withPartners.add(p.id().value());
      }
    }
    Map<PartnerType, Long> registered = new EnumMap<>(PartnerType.class);
    partnerById.values().forEach(p -> registered.merge(p.type(), 1L, Long::sum));
    List<PartnerType> ranked =
        Arrays.stream(PartnerType.values())
            .sorted(
                Comparator.comparing(
                        (PartnerType t) -> (long) projectsOf.getOrDefault(t, Set.of()).size())
                    .reversed()
                    .thenComparing(t -> -participations.getOrDefault(t, 0L))
                    .thenComparing(Enum::ordinal))
            .toList();
    ReportTable table =
        new ReportTable(
            ReportKind.PARTNERS_BY_TYPE.slug(),
            span.from(),
            span.to(),
            List.of(
                "rank",
                "type",
                "partners",
                "partnersInProjects",
                "projects",
                "participations",
                "shareOfProjectsPercent"));
    long partnersTotal = 0;
    long activeTotal = 0;
    long participationTotal = 0;
    int rank = 0;
    for (PartnerType type : ranked) {
      rank++;
      long n = projectsOf.getOrDefault(type, Set.of()).size();
      long active = activeOf.getOrDefault(type, Set.of()).size();
      long part = participations.getOrDefault(type, 0L);
      long reg = registered.getOrDefault(type, 0L);
      table.row(rank, type.name(), reg, active, n, part, percent(n, inSpan.size()));
      partnersTotal += reg;
      activeTotal += active;
      participationTotal += part;
    }
    return table.totals(
        null,
        null,
        partnersTotal,
        activeTotal,
        (long) withPartners.size(),
        participationTotal,
        percent(withPartners.size(), inSpan.size()));
  }

  static ReportTable partnersByProjects(
      Span span, List<Project> counted, Map<PartnerId, Partner> partnerById) {
    Map<PartnerId, Long> projectCount = new HashMap<>();
    Map<PartnerId, BigDecimal[]> funds = new HashMap<>();
    for (Project p : counted) {
      if (span.contains(p.startYear())) {
        p.plan().partnerIds().forEach(id -> projectCount.merge(id, 1L, Long::sum));
      }
      for (Contribution c : p.plan().contributions()) {
        if (span.contains(c.receivedOn().getYear())) {
          add(funds.computeIfAbsent(c.partnerId(), id -> new BigDecimal[] {ZERO, ZERO}), c);
        }
      }
    }
    Set<PartnerId> listed = new HashSet<>(projectCount.keySet());
    listed.addAll(funds.keySet());
    List<PartnerId> ranked =
        listed.stream()
            .filter(partnerById::containsKey)
            .sorted(
                Comparator.comparing((PartnerId id) -> projectCount.getOrDefault(id, 0L))
                    .reversed()
                    .thenComparing(id -> total(funds.get(id)), Comparator.reverseOrder())
                    .thenComparing(id -> partnerById.get(id).name())
                    .thenComparing(PartnerId::value))
            .toList();
    ReportTable table =
        new ReportTable(
            ReportKind.PARTNERS_BY_PROJECTS.slug(),
            span.from(),
            span.to(),
            List.of("rank", "partnerId", "name", "type", "projects", "money", "inKind", "total"));
    long projectsTotal = 0;
    BigDecimal[] sums = {ZERO, ZERO};
    int rank = 0;
    for (PartnerId id : ranked) {
      Partner partner = partnerById.get(id);
      BigDecimal[] f = funds.getOrDefault(id, new BigDecimal[] {ZERO, ZERO});
      long n = projectCount.getOrDefault(id, 0L);
      table.row(
          ++rank, id.value(), partner.name(), partner.type().name(), n, f[0], f[1], f[0].add(f[1]));
      projectsTotal += n;
      sums[0] = sums[0].add(f[0]);
      sums[1] = sums[1].add(f[1]);
    }
    return table.totals(
        null, null, null, null, projectsTotal, sums[0], sums[1], sums[0].add(sums[1]));
  }

  static ReportTable fundsByYear(Span span, List<Project> counted) {
    Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
    for (int year = span.from(); year <= span.to(); year++) {
      byYear.put(year, new BigDecimal[] {ZERO, ZERO});
    }
    contributions(span, counted).forEach(c -> add(byYear.get(c.receivedOn().getYear()), c));
    ReportTable table =
        new ReportTable(
            ReportKind.FUNDS_BY_YEAR.slug(),
            span.from(),
            span.to(),
            List.of("year", "money", "inKind", "total"));
    BigDecimal[] sums = {ZERO, ZERO};
    byYear.forEach(
        (year, f) -> {
          table.row(year, f[0], f[1], f[0].add(f[1]));
          sums[0] = sums[0].add(f[0]);
          sums[1] = sums[1].add(f[1]);
        });
    return table.totals(null, sums[0], sums[1], sums[0].add(sums[1]));
  }

  static ReportTable fundsByPartnerType(
      Span span, List<Project> counted, Map<PartnerId, Partner> partnerById) {
    Map<String, BigDecimal[]> cells = new TreeMap<>();
    for (Contribution c : contributions(span, counted)) {
      Partner partner = partnerById.get(c.partnerId());
      String type = partner == null ? "UNKNOWN" : partner.type().name();
      add(
          cells.computeIfAbsent(
              c.receivedOn().getYear() + "|" + type, k -> new BigDecimal[] {ZERO, ZERO}),
          c);
    }
    ReportTable table =
        new ReportTable(
            ReportKind.FUNDS_BY_PARTNER_TYPE.slug(),
            span.from(),
            span.to(),
            List.of("year", "partnerType", "money", "inKind", "total"));
    return grouped(table, cells);
  }

  ReportTable fundsByLibrary(Span span, List<Project> counted) {
    Map<LibraryId, String> names = new HashMap<>();
    libraries.all().forEach(l -> names.put(l.id(), l.name()));
    Map<String, BigDecimal[]> cells = new TreeMap<>();
    Map<String, String> leadOf = new LinkedHashMap<>();
    for (Project p : counted) {
      for (Contribution c : p.plan().contributions()) {
        if (span.contains(c.receivedOn().getYear())) {
          String key = c.receivedOn().getYear() + "|" + p.plan().leadLibraryId().value();
          leadOf.put(key, names.get(p.plan().leadLibraryId()));
          add(cells.computeIfAbsent(key, k -> new BigDecimal[] {ZERO, ZERO}), c);
        }
      }
    }
    ReportTable table =
        new ReportTable(
            ReportKind.FUNDS_BY_LIBRARY.slug(),
            span.from(),
            span.to(),
            List.of("year", "libraryId", "library", "money", "inKind", "total"));
    BigDecimal[] sums = {ZERO, ZERO};
    cells.forEach(
        (key, f) -> {
          String[] parts = key.split("\\|", 2);
          table.row(
              Integer.parseInt(parts[0]), parts[1], leadOf.get(key), f[0], f[1], f[0].add(f[1]));
          sums[0] = sums[0].add(f[0]);
          sums[1] = sums[1].add(f[1]);
        });
    return table.totals(null, null, null, sums[0], sums[1], sums[0].add(sums[1]));
  }

  private static ReportTable grouped(ReportTable table, Map<String, BigDecimal[]> cells) {
    BigDecimal[] sums = {ZERO, ZERO};
    cells.forEach(
        (key, f) -> {
          String[] parts = key.split("\\|", 2);
          table.row(Integer.parseInt(parts[0]), parts[1], f[0], f[1], f[0].add(f[1]));
          sums[0] = sums[0].add(f[0]);
          sums[1] = sums[1].add(f[1]);
        });
    return table.totals(null, null, sums[0], sums[1], sums[0].add(sums[1]));
  }

  private static List<Contribution> contributions(Span span, List<Project> counted) {
    return counted.stream()
        .flatMap(p -> p.plan().contributions().stream())
        .filter(c -> span.contains(c.receivedOn().getYear()))
        .toList();
  }

  private static void add(BigDecimal[] sums, Contribution c) {
    int i = c.kind() == ContributionKind.MONEY ? 0 : 1;
    sums[i] = sums[i].add(c.value().inSom());
  }

  private static BigDecimal total(BigDecimal[] funds) {
    return funds == null ? ZERO : funds[0].add(funds[1]);
  }

  private static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return new BigDecimal("0.0");
    }
    return BigDecimal.valueOf(part * 100)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
