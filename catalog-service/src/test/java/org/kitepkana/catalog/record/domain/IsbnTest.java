package org.kitepkana.catalog.record.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IsbnTest {

  // Penguin Classics "Pride and Prejudice": ISBN-10 0-14-143951-3, ISBN-13 978-0-14-143951-8.
  private static final String PRIDE_13 = "9780141439518";
  // A Kyrgyz ISBN (group 9967); check digits computed: ISBN-10 9967-00-001-5.
  private static final String KYRGYZ_13 = "9789967000018";

  @Test
  void convertsAHyphenatedIsbn10ToIsbn13() {
    assertThat(Isbn.parse("0-14-143951-3").value()).isEqualTo(PRIDE_13);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0-8044-2957-X", "080442957x", "0 8044 2957 X"})
  void acceptsXAsTheIsbn10CheckDigitInEitherCase(String raw) {
    assertThat(Isbn.parse(raw).value()).isEqualTo("9780804429573");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "978-0-14-143951-8",
        "978 0 14 143951 8",
        "9780141439518",
        "  978-0141439518  ",
        "978‐0‐14‐143951‐8",
        "ISBN 978-0-14-143951-8",
        "ISBN-13: 978-0-14-143951-8",
        "isbn:0141439513",
        "ISBN-10 0-14-143951-3"
      })
  void acceptsTheSpellingsBranchesTypeAndReducesThemToThirteenDigits(String raw) {
    assertThat(Isbn.parse(raw)).isEqualTo(new Isbn(PRIDE_13));
  }

  @Test
  void readsKyrgyzIsbnsInBothForms() {
    assertThat(Isbn.parse("978-9967-00-001-8").value()).isEqualTo(KYRGYZ_13);
    assertThat(Isbn.parse("9967-00-001-5").value()).isEqualTo(KYRGYZ_13);
  }

  @Test
  void acceptsThe979Prefix() {
    assertThat(Isbn.parse("979-10-90636-07-1").value()).isEqualTo("9791090636071");
  }

  @ParameterizedTest
  @ValueSource(strings = {"978-0-14-143951-9", "0-14-143951-4", "978-9967-00-001-7", "080442957-5"})
  void rejectsAWrongCheckDigit(String raw) {
    assertThatThrownBy(() -> Isbn.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ISBN checksum is wrong");
  }

  @ParameterizedTest
  @ValueSource(strings = {"978-0-14-14395", "0-14-143951", "978-0-14-143951-88", "12345"})
  void rejectsAnythingButTenOrThirteenDigits(String raw) {
    assertThatThrownBy(() -> Isbn.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ISBN must have 10 or 13 digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"978-0-14-14395I-8", "0141439513 (pbk.)", "978/0141439518"})
  void rejectsCharactersOtherThanDigitsAndSeparators(String raw) {
    assertThatThrownBy(() -> Isbn.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ISBN may contain only digits");
  }

  @Test
  void rejectsXAnywhereButTheLastIsbn10Digit() {
    assertThatThrownBy(() -> Isbn.parse("08044X2957"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X only as its last digit");
    assertThatThrownBy(() -> Isbn.parse("978014143951X"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAValidEanThatIsNotABook() {
    // A real EAN-13 with a correct check digit, but a German product, not a book.
    assertThatThrownBy(() -> Isbn.parse("4006381333931"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("978 or 979");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void reportsAMissingIsbn(String raw) {
    assertThatThrownBy(() -> Isbn.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ISBN is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"978-0-14-143951-8", "0141439513", "97801414395", "9780141439519"})
  void constructorAcceptsOnlyTheCanonicalThirteenDigits(String value) {
    assertThatThrownBy(() -> new Isbn(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructorRejectsNull() {
    assertThatThrownBy(() -> new Isbn(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void tryParseGivesTheIsbnWhenThereIsOne() {
    assertThat(Isbn.tryParse("0-14-143951-3")).contains(new Isbn(PRIDE_13));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"n/a", "978-0-14-143951-9", "без ISBN"})
  void tryParseGivesNothingForMissingOrInvalidIsbns(String raw) {
    assertThat(Isbn.tryParse(raw)).isEmpty();
  }

  @Test
  void theIsbn10AndIsbn13OfOneEditionAreEqual() {
    assertThat(Isbn.parse("0-14-143951-3")).isEqualTo(Isbn.parse("978-0-14-143951-8"));
    assertThat(Isbn.parse("0-14-143951-3")).hasSameHashCodeAs(Isbn.parse("9780141439518"));
  }
}
