package org.kitepkana.catalog.legal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kitepkana.catalog.legal.domain.LegalActFixture.NOW;
import static org.kitepkana.catalog.legal.domain.LegalActFixture.applied;
import static org.kitepkana.catalog.legal.domain.LegalActFixture.pastureResolution;
import static org.kitepkana.catalog.legal.domain.LegalActFixture.registered;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.branch.domain.BranchId;

class LegalActQueryTest {

  private final SearchableLegalAct pastures =
      SearchableLegalAct.of(registered(pastureResolution()));
  private final SearchableLegalAct repealedBudget =
      SearchableLegalAct.of(
          applied(
              registered(
                      new LegalActDetails(
                          new ActNumber("7-р"),
                          new ActTitle(null, "О местном бюджете Нарынского района на 2024 год"),
                          ActKind.DECISION,
                          LocalDate.of(2023, 12, 20),
                          LocalDate.of(2024, 1, 1),
                          new IssuingBody(
                              BodyType.DISTRICT_ADMINISTRATION,
                              "Нарын райондук мамлекеттик администрациясы",
                              null),
                          new BranchId("naryn-district"),
                          List.of("бюджет"),
                          "Текст решения",
                          null,
                          null))
                  .changeStatus(
                      ActStatus.REPEALED, LocalDate.of(2025, 1, 1), null, "3-р", null, NOW)));

  @Test
  void anEmptyQueryMatchesEveryAct() {
    assertThat(LegalActQuery.all().matches(pastures)).isTrue();
    assertThat(LegalActQuery.all().matches(repealedBudget)).isTrue();
  }

  @Test
  void bodyTypeAndBodyWordsFoldAcrossScripts() {
    assertThat(matching(query().bodyType(BodyType.LOCAL_KENESH))).containsExactly(pastures);
    assertThat(matching(query().body("kara-suu kenesh"))).containsExactly(pastures);
    assertThat(matching(query().body("Нарын район"))).containsExactly(repealedBudget);
    assertThat(matching(query().body("Кочкор"))).isEmpty();
  }

  @Test
  void textWordsMatchTheBeginningOfFoldedWordsOfNumberTitlesAndSubjects() {
    assertThat(matching(query().text("jaiyttardy"))).containsExactly(pastures);
    assertThat(matching(query().text("жайыт тартиб"))).containsExactly(pastures);
    assertThat(matching(query().text("пастбищ"))).containsExactly(pastures);
    assertThat(matching(query().text("byudzhet 2024"))).containsExactly(repealedBudget);
    assertThat(matching(query().text("45/3"))).containsExactly(pastures);
    assertThat(matching(query().text("7-r"))).containsExactly(repealedBudget);
    assertThat(matching(query().text("жайыт бюджет"))).isEmpty();
  }

  @Test
  void statusIsTheLatestOrTheStatusOnTheDateAsked() {
    assertThat(matching(query().status(ActStatus.REPEALED))).containsExactly(repealedBudget);
    assertThat(matching(query().status(ActStatus.IN_FORCE).on(LocalDate.of(2024, 6, 1))))
        .containsExactly(pastures, repealedBudget);
    assertThat(matching(query().status(ActStatus.IN_FORCE).on(LocalDate.of(2024, 2, 1))))
        .containsExactly(repealedBudget);
    assertThat(matching(query().status(ActStatus.REPEALED).on(LocalDate.of(2024, 12, 31))))
        .isEmpty();
  }

  @Test
  void effectiveOnMeansTheActAppliedThatDay() {
    assertThat(matching(query().effectiveOn(LocalDate.of(2024, 6, 1))))
        .containsExactly(pastures, repealedBudget);
    assertThat(matching(query().effectiveOn(LocalDate.of(2025, 6, 1)))).containsExactly(pastures);
    assertThat(matching(query().effectiveOn(LocalDate.of(2023, 12, 25)))).isEmpty();
  }

  @Test
  void adoptionDateRangeIsInclusiveAndBranchAndKindFilter() {
    assertThat(matching(query().adopted(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 15))))
        .containsExactly(pastures);
    assertThat(matching(query().adopted(null, LocalDate.of(2023, 12, 20))))
        .containsExactly(repealedBudget);
    assertThat(matching(query().branch("naryn-district"))).containsExactly(repealedBudget);
    assertThat(matching(query().kind(ActKind.RESOLUTION))).containsExactly(pastures);
  }

  @Test
  void resultsAreOrderedNewestAdoptionFirst() {
    assertThat(
            List.of(repealedBudget.act(), pastures.act()).stream()
                .sorted(LegalActQuery.ORDER)
                .toList())
        .containsExactly(pastures.act(), repealedBudget.act());
  }

  @Test
  void aQueryThatCannotBeAnsweredIsRefused() {
    assertThatThrownBy(() -> query().on(LocalDate.of(2024, 1, 1)).build())
        .hasMessageContaining("statusOn");
    assertThatThrownBy(
            () -> query().adopted(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)).build())
        .hasMessageContaining("adoptedTo");
  }

  private List<SearchableLegalAct> matching(Criteria criteria) {
    LegalActQuery q = criteria.build();
    return List.of(pastures, repealedBudget).stream().filter(q::matches).toList();
  }

  private static Criteria query() {
    return new Criteria();
  }

  /** A small builder, so each test names only the criteria it is about. */
  private static final class Criteria {
    private BodyType bodyType;
    private String body;
    private ActStatus status;
    private LocalDate on;
    private LocalDate from;
    private LocalDate to;
    private LocalDate effectiveOn;
    private String text;
    private BranchId branch;
    private ActKind kind;

    Criteria bodyType(BodyType v) {
      bodyType = v;
      return this;
    }

    Criteria body(String v) {
      body = v;
      return this;
    }

    Criteria status(ActStatus v) {
      status = v;
      return this;
    }

    Criteria on(LocalDate v) {
      on = v;
      return this;
    }

    Criteria adopted(LocalDate f, LocalDate t) {
      from = f;
      to = t;
      return this;
    }

    Criteria effectiveOn(LocalDate v) {
      effectiveOn = v;
      return this;
    }

    Criteria text(String v) {
      text = v;
      return this;
    }

    Criteria branch(String v) {
      branch = new BranchId(v);
      return this;
    }

    Criteria kind(ActKind v) {
      kind = v;
      return this;
    }

    LegalActQuery build() {
      return new LegalActQuery(
          bodyType, body, status, on, from, to, effectiveOn, text, branch, kind);
    }
  }
}
