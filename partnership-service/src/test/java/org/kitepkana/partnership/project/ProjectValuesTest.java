package org.kitepkana.partnership.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.project.domain.Amount;
import org.kitepkana.partnership.project.domain.Criterion;
import org.kitepkana.partnership.project.domain.ExternalParticipant;
import org.kitepkana.partnership.project.domain.ParticipantFacts;
import org.kitepkana.partnership.project.domain.Period;
import org.kitepkana.partnership.project.domain.ProjectStatus;
import org.kitepkana.partnership.project.domain.Scale;
import org.kitepkana.partnership.project.domain.ScaleRules;

/** The value objects of projects refuse what is wrong, naming the property. */
class ProjectValuesTest {

  static String property(Runnable build) {
    try {
      build.run();
    } catch (InvalidValue e) {
      return e.property();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void amountsAreNeverNegativeAndKeepToTheirCurrencysDecimals() {
    assertThat(property(() -> Amount.som(new BigDecimal("-1")))).isEqualTo("amount");
    assertThat(property(() -> Amount.som(new BigDecimal("10.005")))).isEqualTo("amount");
    assertThat(property(() -> new Amount(BigDecimal.TEN, "XYZ", null, null))).isEqualTo("currency");
    assertThat(property(() -> new Amount(BigDecimal.TEN, "USD", null, null))).isEqualTo("rate");
    assertThat(property(() -> new Amount(BigDecimal.TEN, "USD", new BigDecimal("87.5"), null)))
        .isEqualTo("rateDate");
    assertThat(
            property(
                () ->
                    new Amount(
                        BigDecimal.TEN, "USD", new BigDecimal("-87.5"), LocalDate.of(2024, 1, 1))))
        .isEqualTo("rate");
    assertThat(property(() -> new Amount(BigDecimal.ONE, "KGS", new BigDecimal("2"), null)))
        .isEqualTo("rate");
  }

  @Test
  void aForeignSumCountsInSomAtItsRate() {
    Amount grant =
        new Amount(
            new BigDecimal("1500"), "usd", new BigDecimal("87.4512"), LocalDate.of(2024, 5, 2));
    assertThat(grant.currency()).isEqualTo("USD");
    assertThat(grant.inSom()).isEqualByComparingTo("131176.80");
    assertThat(Amount.som(new BigDecimal("2500.5")).inSom()).isEqualByComparingTo("2500.50");
    assertThat(
            new Amount(
                    new BigDecimal("1000"), "JPY", new BigDecimal("0.58"), LocalDate.of(2024, 1, 9))
                .amount())
        .isEqualByComparingTo("1000");
  }

  @Test
  void aPeriodEndsNoEarlierThanItStarts() {
    assertThat(property(() -> new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 30))))
        .isEqualTo("end");
    assertThat(property(() -> new Period(null, LocalDate.of(2025, 4, 30)))).isEqualTo("start");
    assertThat(new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 1)).end())
        .isEqualTo(LocalDate.of(2025, 5, 1));
  }

  @Test
  void scoresAreFromOneToFiveWithReasoning() {
    assertThat(property(() -> new Criterion(0, "жок"))).isEqualTo("score");
    assertThat(property(() -> new Criterion(6, "өтө жакшы"))).isEqualTo("score");
    assertThat(property(() -> new Criterion(3, " "))).isEqualTo("reasoning");
  }

  @Test
  void outsideParticipantsNameARealCountry() {
    assertThat(property(() -> new ExternalParticipant("Китепкана", "XX"))).isEqualTo("country");
    assertThat(new ExternalParticipant("Китепкана", "kz").isAbroad()).isTrue();
    assertThat(new ExternalParticipant("Улуттук китепкана", "KG").isAbroad()).isFalse();
  }

  @Test
  void theLifecycleAllowsOnlyItsSteps() {
    assertThat(ProjectStatus.PROPOSED.next())
        .containsExactlyInAnyOrder(
            ProjectStatus.APPROVED, ProjectStatus.REJECTED, ProjectStatus.CANCELLED);
    assertThat(ProjectStatus.APPROVED.mayMoveTo(ProjectStatus.ACTIVE)).isTrue();
    assertThat(ProjectStatus.ACTIVE.mayMoveTo(ProjectStatus.COMPLETED)).isTrue();
    assertThat(ProjectStatus.COMPLETED.next()).containsExactly(ProjectStatus.EVALUATED);
    assertThat(ProjectStatus.COMPLETED.mayMoveTo(ProjectStatus.CANCELLED)).isFalse();
    assertThat(ProjectStatus.PROPOSED.mayMoveTo(ProjectStatus.COMPLETED)).isFalse();
    for (ProjectStatus last :
        new ProjectStatus[] {
          ProjectStatus.EVALUATED, ProjectStatus.REJECTED, ProjectStatus.CANCELLED
        }) {
      assertThat(last.next()).isEmpty();
      assertThat(last.isEditable()).isFalse();
    }
  }

  @Test
  void scaleRulesAgreeWithTheirOwnDerivation() {
    for (int libraries = 1; libraries <= 3; libraries++) {
      for (int districts = 1; districts <= libraries; districts++) {
        for (int domestic = 0; domestic <= 1; domestic++) {
          for (int foreign = 0; foreign <= 1; foreign++) {
            ParticipantFacts facts = new ParticipantFacts(libraries, districts, domestic, foreign);
            Scale derived = ScaleRules.derive(facts);
            assertThat(ScaleRules.contradiction(derived, facts)).as(facts.toString()).isEmpty();
          }
        }
      }
    }
    assertThat(ScaleRules.contradiction(Scale.NATIONAL, new ParticipantFacts(1, 1, 1, 1)))
        .isPresent();
    assertThatThrownBy(() -> new Criterion(9, "x")).isInstanceOf(InvalidValue.class);
  }
}
