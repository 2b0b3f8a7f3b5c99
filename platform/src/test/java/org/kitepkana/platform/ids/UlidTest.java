package org.kitepkana.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UlidTest {

  @Test
  void acceptsTheIdsItMakes() {
    for (int i = 0; i < 1000; i++) {
      assertThat(Ulid.isValid(Ulid.next(Instant.now()))).isTrue();
    }
  }

  @Test
  void sortsByTimeAndTakesItsRandomBitsFromTheGivenGenerator() {
    Random seeded = new Random(7);
    String earlier = Ulid.next(Instant.parse("2026-11-02T06:00:00Z"), seeded);
    String later = Ulid.next(Instant.parse("2026-11-02T06:00:01Z"), seeded);
    assertThat(earlier).isLessThan(later);
    assertThat(earlier.substring(0, 10)).isEqualTo("01M6DDFPR0");
    assertThat(Ulid.next(Instant.parse("2026-11-02T06:00:00Z"), new Random(7))).isEqualTo(earlier);
  }

  @Test
  void acceptsEveryCrockfordDigit() {
    assertThat(Ulid.isValid("0123456789ABCDEFGHJKMNPQRS")).isTrue();
    assertThat(Ulid.isValid("TVWXYZ0123456789ABCDEFGHJK")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "01M8BQ3R6VHE1Y9RZGMXBB4WS", // 25 characters
        "01M8BQ3R6VHE1Y9RZGMXBB4WSEX", // 27
        "01m8bq3r6vhe1y9rzgmxbb4wse", // lower case
        "01M8BQ3R6VHE1Y9RZGMXBB4WSI", // I, L, O and U are not Crockford digits
        "01M8BQ3R6VHE1Y9RZGMXBB4WSL",
        "01M8BQ3R6VHE1Y9RZGMXBB4WSO",
        "01M8BQ3R6VHE1Y9RZGMXBB4WSU",
        "01M8BQ3R6VHE1Y9RZGMXBB4WS-",
        "01M8BQ3R6VHE1Y9RZGMXBB4WSЕ" // Cyrillic Е
      })
  void refusesWhatIsNotAUlid(String value) {
    assertThat(Ulid.isValid(value)).isFalse();
  }

  @Test
  void refusesNull() {
    assertThat(Ulid.isValid(null)).isFalse();
  }

  @Test
  void requireThrowsTheCallersRefusal() {
    assertThat(Ulid.require("01M8BQ3R6VHE1Y9RZGMXBB4WSE")).isEqualTo("01M8BQ3R6VHE1Y9RZGMXBB4WSE");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Ulid.require("nope"))
        .withMessageContaining("ULID");
    assertThatIllegalStateException()
        .isThrownBy(() -> Ulid.require("nope", IllegalStateException::new))
        .withMessage("must be a ULID (26 characters, Crockford base32)");
  }
}
