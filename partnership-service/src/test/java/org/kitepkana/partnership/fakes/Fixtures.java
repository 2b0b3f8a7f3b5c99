package org.kitepkana.partnership.fakes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.kitepkana.partnership.common.application.Ids;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.outcome.application.ProjectOutcomeAssembler;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerDetails;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.partner.domain.PartnerType;
import org.kitepkana.partnership.project.application.PlanValidator;
import org.kitepkana.partnership.project.application.ProjectDraft;
import org.kitepkana.partnership.project.application.ProjectQueries;
import org.kitepkana.partnership.project.application.ProjectService;
import org.kitepkana.partnership.project.domain.Amount;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Contribution;
import org.kitepkana.partnership.project.domain.ContributionKind;
import org.kitepkana.partnership.project.domain.PartnerRole;
import org.kitepkana.partnership.project.domain.Period;
import org.kitepkana.partnership.project.domain.ProjectPartner;

/**
 * A small network in memory: the Naryn oblast library, the At-Bashy district library and its Kara-
 * Suu village library, the Kochkor district library; an ayil okmotu and a donor as partners; the
 * application services wired to in-memory fakes.
 */
public final class Fixtures {

  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T04:00:00Z"), ZoneOffset.UTC);
  public static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek");

  public final InMemoryLibraries libraries =
      new InMemoryLibraries()
          .with("naryn-oblast", "REGIONAL", "Нарын")
          .with("at-bashy", "DISTRICT", "Ат-Башы")
          .with("kara-suu", "VILLAGE", "Ат-Башы")
          .with("kochkor", "DISTRICT", "Кочкор");
  public final InMemoryPartners partners = new InMemoryPartners();
  public final InMemoryProjects projects = new InMemoryProjects();
  public final InMemoryPublications publications = new InMemoryPublications();
  public final InMemoryLibraryEvents events = new InMemoryLibraryEvents();
  public final Ids ids = new Ids(CLOCK);
  public final ProjectOutcomeAssembler outcomes = new ProjectOutcomeAssembler(events, publications);
  public final PlanValidator validator = new PlanValidator(libraries, partners);
  public final ProjectService service =
      new ProjectService(projects, validator, outcomes, ids, CLOCK, BISHKEK);
  public final ProjectQueries queries = new ProjectQueries(projects, outcomes);
  public final PartnerId ayilOkmotu = partner("Ат-Башы айыл өкмөтү", PartnerType.LOCAL_GOVERNMENT);
  public final PartnerId donor = partner("Эл аралык фонд", PartnerType.INTERNATIONAL_DONOR);

  public PartnerId partner(String name, PartnerType type) {
    Partner partner =
        Partner.register(
            new PartnerId(ids.next()),
            new PartnerDetails(name, type, null, List.of(), true),
            CLOCK.instant());
    partners.insert(partner, List.of());
    return partner.id();
  }

  /** A mono-project of At-Bashy with the ayil okmotu as funder and 50 000 som from it. */
  public ProjectDraft monoProject() {
    return new ProjectDraft(
        "Укуктук маалымат борбору",
        "Айыл тургундарына укуктук маалымат",
        new Period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 11, 30)),
        new LibraryId("at-bashy"),
        List.of(),
        List.of(),
        List.of(new ProjectPartner(ayilOkmotu, List.of(PartnerRole.FUNDER))),
        List.of(ContentArea.LEGAL_INFORMATION, ContentArea.LOCAL_SELF_GOVERNMENT),
        null,
        Amount.som(new BigDecimal("80000")),
        List.of(
            new Contribution(
                ContributionKind.MONEY,
                ayilOkmotu,
                Amount.som(new BigDecimal("50000")),
                LocalDate.of(2025, 3, 15),
                null)));
  }

  /** The same draft led by another library and with other participants. */
  public static ProjectDraft withLibraries(
      ProjectDraft d, String lead, List<String> participating) {
    return new ProjectDraft(
        d.title(),
        d.summary(),
        d.period(),
        new LibraryId(lead),
        participating.stream().map(LibraryId::new).toList(),
        d.externalParticipants(),
        d.partners(),
        d.contentAreas(),
        d.declaredScale(),
        d.budget(),
        d.contributions());
  }
}
