package org.kitepkana.partnership.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.common.application.Violation;
import org.kitepkana.partnership.fakes.Fixtures;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.application.ProjectDraft;
import org.kitepkana.partnership.project.domain.Amount;
import org.kitepkana.partnership.project.domain.Contribution;
import org.kitepkana.partnership.project.domain.ContributionKind;
import org.kitepkana.partnership.project.domain.ExternalParticipant;
import org.kitepkana.partnership.project.domain.PartnerRole;
import org.kitepkana.partnership.project.domain.ProjectPartner;
import org.kitepkana.partnership.project.domain.ProjectPlan;
import org.kitepkana.partnership.project.domain.Scale;

class PlanValidatorTest {

  final Fixtures network = new Fixtures();

  List<Violation> violations(ProjectDraft draft) {
    Result<ProjectPlan> result = network.validator.check(draft);
    assertThat(result).isInstanceOf(Result.Invalid.class);
    return ((Result.Invalid<ProjectPlan>) result).violations();
  }

  ProjectPlan plan(ProjectDraft draft) {
    Result<ProjectPlan> result = network.validator.check(draft);
    assertThat(result).isInstanceOf(Result.Done.class);
    return ((Result.Done<ProjectPlan>) result).value();
  }

  ProjectDraft with(Scale scale, List<String> participating, List<ExternalParticipant> outside) {
    ProjectDraft d = network.monoProject();
    return new ProjectDraft(
        d.title(),
        d.summary(),
        d.period(),
        d.leadLibraryId(),
        participating.stream().map(LibraryId::new).toList(),
        outside,
        d.partners(),
        d.contentAreas(),
        scale,
        d.budget(),
        d.contributions());
  }

  @Test
  void derivesTheScaleFromTheParticipants() {
    assertThat(plan(with(null, List.of(), List.of())).scale()).isEqualTo(Scale.MONO);
    assertThat(plan(with(null, List.of("kara-suu"), List.of())).scale())
        .isEqualTo(Scale.INTER_LIBRARY);
    assertThat(plan(with(null, List.of("kara-suu", "kochkor"), List.of())).scale())
        .isEqualTo(Scale.REGIONAL);
    assertThat(
            plan(with(null, List.of(), List.of(new ExternalParticipant("Улуттук китепкана", "kg"))))
                .scale())
        .isEqualTo(Scale.NATIONAL);
    assertThat(
            plan(with(
                    null,
                    List.of("kochkor"),
                    List.of(new ExternalParticipant("Алматы облыстык кітапханасы", "KZ"))))
                .scale())
        .isEqualTo(Scale.INTERNATIONAL);
  }

  @Test
  void aDeclaredScaleTheParticipantsContradictIsRefusedOnTheScaleField() {
    List<Violation> mono = violations(with(Scale.MONO, List.of("kara-suu"), List.of()));
    assertThat(mono).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("scale"));
    assertThat(mono.get(0).reason()).contains("MONO", "2 libraries");
    assertThat(violations(with(Scale.INTER_LIBRARY, List.of(), List.of())))
        .extracting(Violation::field)
        .containsExactly("scale");
    assertThat(violations(with(Scale.REGIONAL, List.of("kara-suu"), List.of())))
        .extracting(Violation::field)
        .containsExactly("scale");
    assertThat(violations(with(Scale.INTERNATIONAL, List.of("kochkor"), List.of())))
        .extracting(Violation::field)
        .containsExactly("scale");
    assertThat(plan(with(Scale.INTER_LIBRARY, List.of("kochkor"), List.of())).scale())
        .isEqualTo(Scale.INTER_LIBRARY);
  }

  @Test
  void unknownLibrariesAndPartnersAreNamedByField() {
    ProjectDraft d = network.monoProject();
    PartnerId ghost = new PartnerId("01JQ9A7C3M5T8W2XR4B6D0E1FG");
    ProjectDraft bad =
        new ProjectDraft(
            d.title(),
            d.summary(),
            d.period(),
            new LibraryId("nowhere"),
            List.of(new LibraryId("kochkor"), new LibraryId("atlantis")),
            List.of(),
            List.of(
                new ProjectPartner(network.ayilOkmotu, List.of(PartnerRole.FUNDER)),
                new ProjectPartner(ghost, List.of(PartnerRole.MEDIA))),
            d.contentAreas(),
            null,
            null,
            List.of(
                new Contribution(
                    ContributionKind.IN_KIND,
                    network.donor,
                    Amount.som(new BigDecimal("1000")),
                    LocalDate.of(2025, 4, 1),
                    "китептер")));
    assertThat(violations(bad))
        .extracting(Violation::field)
        .containsExactly(
            "leadLibraryId",
            "participatingLibraryIds[1]",
            "partners[1].partnerId",
            "contributions[0].partnerId");
  }

  @Test
  void theLeadIsNotAlsoAParticipantAndNobodyIsNamedTwice() {
    assertThat(violations(with(null, List.of("kara-suu", "at-bashy", "kara-suu"), List.of())))
        .extracting(Violation::field)
        .containsExactly("participatingLibraryIds[1]", "participatingLibraryIds[2]");
  }
}
