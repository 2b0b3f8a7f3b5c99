package org.kitepkana.catalog.legal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kitepkana.catalog.legal.domain.LegalActFixture.NOW;
import static org.kitepkana.catalog.legal.domain.LegalActFixture.TODAY;
import static org.kitepkana.catalog.legal.domain.LegalActFixture.applied;
import static org.kitepkana.catalog.legal.domain.LegalActFixture.pastureResolution;
import static org.kitepkana.catalog.legal.domain.LegalActFixture.registered;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegalActTest {

  private static final LocalDate AMENDED_ON = LocalDate.of(2025, 2, 1);
  private static final LocalDate REPEALED_ON = LocalDate.of(2025, 9, 1);

  @Test
  void aRegisteredActIsInForceFromItsEffectiveDateAtVersionOne() {
    LegalAct act = registered(pastureResolution());

    assertThat(act.version()).isEqualTo(1);
    assertThat(act.status()).isEqualTo(ActStatus.IN_FORCE);
    assertThat(act.history())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(ActStatus.IN_FORCE);
              assertThat(c.effectiveOn()).isEqualTo(LegalActFixture.EFFECTIVE);
            });
    assertThat(act.statusOn(LocalDate.of(2024, 3, 31))).isEmpty();
    assertThat(act.statusOn(LegalActFixture.EFFECTIVE)).contains(ActStatus.IN_FORCE);
  }

  @Test
  void anActIsNotRegisteredWithDatesThatCannotBe() {
    LegalActDetails before =
        withDates(pastureResolution(), LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 1));
    assertThat(LegalAct.register(LegalActId.newId(NOW), before, TODAY, NOW))
        .isEqualTo(
            new Revision.Invalid("effectiveFrom", "must not be before adoptedOn (2024-03-15)"));

    LegalActDetails future = withDates(pastureResolution(), TODAY.plusDays(1), null);
    assertThat(LegalAct.register(LegalActId.newId(NOW), future, TODAY, NOW))
        .isInstanceOfSatisfying(
            Revision.Invalid.class, i -> assertThat(i.field()).isEqualTo("adoptedOn"));
  }

  @Test
  void effectiveFromDefaultsToTheAdoptionDate() {
    assertThat(withDates(pastureResolution(), LocalDate.of(2024, 3, 15), null).effectiveFrom())
        .isEqualTo(LocalDate.of(2024, 3, 15));
  }

  @Test
  void anActIsAmendedAgainAndAgainThenRepealedAndTheStatusOnEachDateFollowsTheHistory() {
    LegalAct act = registered(pastureResolution());
    LegalAct amended =
        applied(act.changeStatus(ActStatus.AMENDED, AMENDED_ON, null, "12/1", "акы", NOW));
    LegalAct again =
        applied(
            amended.changeStatus(
                ActStatus.AMENDED, AMENDED_ON.plusMonths(2), null, "20", null, NOW));
    LegalAct repealed =
        applied(again.changeStatus(ActStatus.REPEALED, REPEALED_ON, null, "30/2", null, NOW));

    assertThat(repealed.version()).isEqualTo(4);
    assertThat(repealed.history())
        .extracting(StatusChange::status)
        .containsExactly(
            ActStatus.IN_FORCE, ActStatus.AMENDED, ActStatus.AMENDED, ActStatus.REPEALED);
    assertThat(repealed.statusOn(LocalDate.of(2024, 12, 31))).contains(ActStatus.IN_FORCE);
    assertThat(repealed.statusOn(AMENDED_ON)).contains(ActStatus.AMENDED);
    assertThat(repealed.statusOn(REPEALED_ON.minusDays(1))).contains(ActStatus.AMENDED);
    assertThat(repealed.statusOn(REPEALED_ON)).contains(ActStatus.REPEALED);
    assertThat(repealed.appliesOn(REPEALED_ON.minusDays(1))).isTrue();
    assertThat(repealed.appliesOn(REPEALED_ON)).isFalse();
    assertThat(repealed.appliesOn(LocalDate.of(2020, 1, 1))).isFalse();
  }

  @Test
  void aRepealIsFinal() {
    LegalAct repealed =
        applied(
            registered(pastureResolution())
                .changeStatus(ActStatus.REPEALED, REPEALED_ON, null, "30/2", null, NOW));

    assertThat(repealed.changeStatus(ActStatus.AMENDED, REPEALED_ON, null, "31", null, NOW))
        .isInstanceOfSatisfying(
            Revision.NotNow.class,
            r -> {
              assertThat(r.field()).isEqualTo("status");
              assertThat(r.reason()).contains("repealed on 2025-09-01", "final");
            });
  }

  @Test
  void aStatusChangeTakesEffectNoEarlierThanThePreviousOneAndNamesTheLaterAct() {
    LegalAct act = registered(pastureResolution());

    assertThat(act.changeStatus(ActStatus.AMENDED, LocalDate.of(2024, 3, 20), null, "1", null, NOW))
        .isInstanceOfSatisfying(
            Revision.Invalid.class,
            r -> {
              assertThat(r.field()).isEqualTo("effectiveOn");
              assertThat(r.reason()).contains("2024-04-01");
            });
    assertThat(act.changeStatus(ActStatus.AMENDED, AMENDED_ON, null, " ", null, NOW))
        .isInstanceOfSatisfying(
            Revision.Invalid.class, r -> assertThat(r.field()).isEqualTo("byActNumber"));
    assertThat(act.changeStatus(ActStatus.REPEALED, AMENDED_ON, act.id(), null, null, NOW))
        .isEqualTo(new Revision.Invalid("byActId", "an act cannot repeal itself"));
    assertThat(act.changeStatus(ActStatus.IN_FORCE, AMENDED_ON, null, "2", null, NOW))
        .isInstanceOfSatisfying(
            Revision.Invalid.class, r -> assertThat(r.field()).isEqualTo("status"));
  }

  @Test
  void aCorrectionReplacesTheDetailsMovesTheEntryIntoForceAndSaysWhatChanged() {
    LegalAct amended =
        applied(
            registered(pastureResolution())
                .changeStatus(ActStatus.AMENDED, AMENDED_ON, null, "12/1", null, NOW));
    LegalActDetails fixed =
        withDates(pastureResolution(), LegalActFixture.ADOPTED, LocalDate.of(2024, 5, 1));

    Revision revision = amended.correct(fixed, "санын оңдодук", TODAY, NOW);

    assertThat(revision)
        .isInstanceOfSatisfying(
            Revision.Applied.class,
            a -> {
              assertThat(a.act().version()).isEqualTo(3);
              assertThat(a.act().history().get(0).effectiveOn())
                  .isEqualTo(LocalDate.of(2024, 5, 1));
              assertThat(a.act().status()).isEqualTo(ActStatus.AMENDED);
              assertThat(a.change())
                  .isEqualTo(
                      new LegalActChange.LegalActCorrected(
                          a.act(), List.of("effectiveFrom"), "санын оңдодук"));
            });
    assertThat(amended.correct(amended.details(), null, TODAY, NOW))
        .isEqualTo(new Revision.Unchanged(amended));
    assertThat(
            amended.correct(
                withDates(pastureResolution(), LegalActFixture.ADOPTED, AMENDED_ON.plusDays(1)),
                null,
                TODAY,
                NOW))
        .isInstanceOfSatisfying(
            Revision.Invalid.class, r -> assertThat(r.field()).isEqualTo("effectiveFrom"));
  }

  @Test
  void aCoordinatorRetractsARepealRecordedByMistakeButNeverTheEntryIntoForce() {
    LegalAct act = registered(pastureResolution());
    LegalAct repealed =
        applied(act.changeStatus(ActStatus.REPEALED, REPEALED_ON, null, "30/2", null, NOW));

    LegalAct retracted = applied(repealed.retractLatestStatusChange("туура эмес акт", NOW));

    assertThat(retracted.status()).isEqualTo(ActStatus.IN_FORCE);
    assertThat(retracted.version()).isEqualTo(3);
    assertThat(repealed.retractLatestStatusChange(" ", NOW))
        .isInstanceOfSatisfying(
            Revision.Invalid.class, r -> assertThat(r.field()).isEqualTo("reason"));
    assertThat(retracted.retractLatestStatusChange("эч нерсе", NOW))
        .isInstanceOfSatisfying(
            Revision.NotNow.class, r -> assertThat(r.field()).isEqualTo("statusHistory"));
  }

  @Test
  void theNaturalKeyIgnoresScriptSpellingAndNumberSeparators() {
    LegalActDetails cyrillic = pastureResolution();
    LegalActDetails latin =
        LegalActFixture.details(
            "№ 45-3", BodyType.LOCAL_KENESH, "Kara-Suu aiyldyk keneshi", "kara-suu");
    LegalActDetails otherBody =
        LegalActFixture.details("45/3", BodyType.AYIL_OKMOTU, "Кара-Суу айыл өкмөтү", "kara-suu");

    assertThat(latin.number().value()).isEqualTo("45-3");
    assertThat(latin.issuingBody()).isNotEqualTo(cyrillic.issuingBody());
    assertThat(
            new IssuingBody(
                    BodyType.LOCAL_KENESH, "Kara-Suu aiyldyk keneshi", "Kara-Suu aiyl aimagy")
                .key())
        .isEqualTo(cyrillic.issuingBody().key());
    assertThat(otherBody.naturalKey()).isNotEqualTo(cyrillic.naturalKey());
    assertThat(new ActNumber("7-р").key()).isEqualTo(new ActNumber("7 r").key());
  }

  @Test
  void valuesRefuseWhatCannotBeAnAct() {
    assertThatThrownBy(() -> new ActTitle(" ", null)).hasMessageContaining("Kyrgyz");
    assertThatThrownBy(() -> new ActNumber("№")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LegalActId("01JR3K8M2N4P6Q8R0S2T4V6W8O"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new LegalActDetails(
                    new ActNumber("1"),
                    new ActTitle("a", null),
                    ActKind.ORDER,
                    TODAY,
                    null,
                    new IssuingBody(BodyType.CITY_HALL, "Нарын шаардык мэриясы", null),
                    new org.kitepkana.catalog.branch.domain.BranchId("naryn-city"),
                    null,
                    null,
                    "ftp://example.org/act.pdf",
                    null))
        .hasMessageContaining("http");
  }

  private static LegalActDetails withDates(
      LegalActDetails d, LocalDate adoptedOn, LocalDate effectiveFrom) {
    return new LegalActDetails(
        d.number(),
        d.title(),
        d.kind(),
        adoptedOn,
        effectiveFrom,
        d.issuingBody(),
        d.branchId(),
        d.subjects(),
        d.text(),
        d.publicationUrl(),
        d.recordId());
  }
}
