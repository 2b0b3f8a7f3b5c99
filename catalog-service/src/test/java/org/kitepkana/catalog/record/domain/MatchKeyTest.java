package org.kitepkana.catalog.record.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MatchKeyTest {

  @Test
  void joinsFoldedTitleSurnameAndYearWithBars() {
    MatchKey key = MatchKey.of("Жамийла", List.of("Айтматов, Чыңгыз"), 2018);

    assertThat(key.value()).isEqualTo("jamila|aitmatov|2018");
  }

  @Test
  void matchesAKyrgyzCatalogueEntryWithARomanisedOne() {
    assertThat(MatchKey.of("Жамийла", List.of("Айтматов, Чыңгыз"), 2018))
        .isEqualTo(MatchKey.of("Jamila", List.of("Chingiz Aitmatov"), 2018));
  }

  @Test
  void matchesARussianEditionAcrossRomanisations() {
    MatchKey russian = MatchKey.of("Джамиля", List.of("Айтматов Ч. Т."), 1959);

    assertThat(MatchKey.of("Dzhamilya", List.of("Aitmatov, Ch."), 1959)).isEqualTo(russian);
    assertThat(MatchKey.of("Djamilia", List.of("Ch. Aytmatov"), 1959)).isEqualTo(russian);
    assertThat(MatchKey.of("Dzhamilia", List.of("Aĭtmatov, Chingiz"), 1959)).isEqualTo(russian);
  }

  @Test
  void givesDifferentYearsDifferentKeys() {
    assertThat(MatchKey.of("Жамийла", List.of("Айтматов, Чыңгыз"), 2018))
        .isNotEqualTo(MatchKey.of("Жамийла", List.of("Айтматов, Чыңгыз"), 1959));
  }

  @Test
  void givesDifferentBooksOfOneAuthorAndYearDifferentKeys() {
    assertThat(MatchKey.of("Ак кеме", List.of("Айтматов, Чыңгыз"), 1970))
        .isNotEqualTo(MatchKey.of("Жамийла", List.of("Айтматов, Чыңгыз"), 1970));
  }

  @Test
  void leavesTheYearEmptyWhenItIsUnknown() {
    assertThat(MatchKey.of("Манас", List.of("Орозбаков, Сагымбай"), null).value())
        .isEqualTo("manas|orozbakov|");
  }

  @Test
  void leavesTheSurnameEmptyWhenThereIsNoAuthor() {
    assertThat(MatchKey.of("Манас", null, 1995).value()).isEqualTo("manas||1995");
    assertThat(MatchKey.of("Манас", List.of(), 1995).value()).isEqualTo("manas||1995");
    assertThat(MatchKey.of("Манас", Arrays.asList(null, " "), 1995).value())
        .isEqualTo("manas||1995");
  }

  @Test
  void usesOnlyTheFirstNonBlankAuthor() {
    MatchKey key = MatchKey.of("Манас", Arrays.asList("", "Каралаев, Саякбай", "Орозбаков"), 1995);

    assertThat(key.value()).isEqualTo("manas|karalaev|1995");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Aitmatov, Chingiz",
        "Aitmatov, Chingiz, 1928-2008.",
        "Chingiz Aitmatov",
        "Ch. Aitmatov",
        "Ch.Aitmatov",
        "Aitmatov Ch. T.",
        "Айтматов, Чыңгыз Төрөкулович",
        "Чыңгыз Айтматов",
        "Ч.Т. Айтматов"
      })
  void takesTheSurnameBeforeTheCommaOrTheLastWordThatIsNotAnInitial(String author) {
    assertThat(MatchKey.of("Жамийла", List.of(author), 2018).value())
        .isEqualTo("jamila|aitmatov|2018");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Бакыт Мамыт уулу", "Мамыт уулу, Бакыт", "Bakyt Mamyt uulu"})
  void keepsAKyrgyzPatronymicSurnameWhole(String author) {
    assertThat(MatchKey.of("Ыр", List.of(author), 2001).value()).isEqualTo("ir|mamit ulu|2001");
  }

  @Test
  void keepsAFemaleKyrgyzPatronymicSurnameWhole() {
    assertThat(MatchKey.of("Ыр", List.of("Айзада Асан кызы"), 2001))
        .isEqualTo(MatchKey.of("Ыр", List.of("Asan kyzy, Aizada"), 2001));
  }

  @Test
  void ignoresSubtitleStatementOfResponsibilityAndParallelTitle() {
    MatchKey plain = MatchKey.of("Джамиля", List.of("Айтматов, Ч."), 1959);

    assertThat(MatchKey.of("Джамиля : повесть / Ч. Айтматов", List.of("Айтматов, Ч."), 1959))
        .isEqualTo(plain);
    assertThat(MatchKey.of("Джамиля = Jamila", List.of("Айтматов, Ч."), 1959)).isEqualTo(plain);
    assertThat(MatchKey.of("Джамиля; Тополек мой", List.of("Айтматов, Ч."), 1959)).isEqualTo(plain);
  }

  @Test
  void keepsASlashThatIsPartOfTheTitle() {
    assertThat(MatchKey.of("24/7", List.of(), 2020).value()).isEqualTo("24 7||2020");
  }

  @Test
  void usesTheWholeTitleWhenNothingPrecedesTheFirstSeparator() {
    assertThat(MatchKey.of(": повесть", List.of(), 1959).value()).isEqualTo("povest||1959");
  }

  @Test
  void dropsALeadingEnglishArticle() {
    assertThat(MatchKey.of("The White Steamship", List.of("Chingiz Aitmatov"), 1972))
        .isEqualTo(MatchKey.of("White Steamship", List.of("Aitmatov, Chingiz"), 1972));
    assertThat(MatchKey.of("A Hero of Our Time", List.of("Lermontov"), 2001).value())
        .isEqualTo("hero of ur time|lermontov|2001");
    assertThat(MatchKey.of("\"An Outline\"", List.of(), 2001).value()).isEqualTo("utline||2001");
  }

  @Test
  void keepsAWordThatOnlyLooksLikeAnArticle() {
    assertThat(MatchKey.of("А зори здесь тихие", List.of("Васильев, Борис"), 1969).value())
        .startsWith("a zori zdes tihie|");
    assertThat(MatchKey.of("The", List.of(), 2001).value()).isEqualTo("the||2001");
    assertThat(MatchKey.of("Theatre", List.of(), 2001).value()).isEqualTo("theatre||2001");
    assertThat(MatchKey.of("1 A Day", List.of(), 2001).value()).isEqualTo("1 a dai||2001");
  }

  @Test
  void ignoresCasePunctuationAndDiacriticsAndReadsAmpersandAsAnd() {
    assertThat(MatchKey.of("Pride & Prejudice.", List.of("Austen, Jane"), 1813))
        .isEqualTo(MatchKey.of("pride and prejudice", List.of("Jane Austen"), 1813));
    assertThat(MatchKey.of("Le Père Goriot", List.of("Balzac, Honoré de"), 1835))
        .isEqualTo(MatchKey.of("LE PERE GORIOT", List.of("Balzac, Honore de"), 1835));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void requiresATitle(String title) {
    assertThatThrownBy(() -> MatchKey.of(title, List.of("Aitmatov"), 2018))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("title is required");
  }

  @Test
  void rejectsATitleWithoutLettersOrDigits() {
    assertThatThrownBy(() -> MatchKey.of("— ! —", List.of("Aitmatov"), 2018))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no letters or digits");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1959, 10000})
  void rejectsAnImpossibleYear(int year) {
    assertThatThrownBy(() -> MatchKey.of("Жамийла", List.of(), year))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("year");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "jamila", "jamila|aitmatov", "|aitmatov|2018", " |aitmatov|2018", "a|b|c|d"})
  void constructorRejectsValuesThatAreNotTitleSurnameYear(String value) {
    assertThatThrownBy(() -> new MatchKey(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jamila|aitmatov|2018", "manas||", "jamila|aitmatov|"})
  void constructorAcceptsWellFormedValues(String value) {
    assertThat(new MatchKey(value).value()).isEqualTo(value);
  }

  @Test
  void constructorRejectsAYearThatIsNotAYear() {
    assertThatThrownBy(() -> new MatchKey("jamila|aitmatov|12345"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MatchKey("jamila|aitmatov|19x9"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
