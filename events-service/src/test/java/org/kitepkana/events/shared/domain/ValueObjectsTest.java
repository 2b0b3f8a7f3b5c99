package org.kitepkana.events.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.registration.domain.CancellationToken;
import org.kitepkana.events.registration.domain.Contact;
import org.kitepkana.events.registration.domain.ReaderName;
import org.kitepkana.platform.ids.Ulid;

class ValueObjectsTest {

  @Test
  void ulidsAreCrockfordBase32AndSortByTime() {
    Random random = new Random(7);
    String earlier = Ulid.next(Instant.parse("2026-11-02T06:00:00Z"), random);
    String later = Ulid.next(Instant.parse("2026-11-02T06:00:01Z"), random);
    assertThat(Ulid.isValid(earlier)).isTrue();
    assertThat(earlier).hasSize(26).doesNotContain("I", "L", "O", "U");
    assertThat(earlier.compareTo(later)).isNegative();
    assertThat(Ulid.isValid("01JQ9A7K2M4N6P8R0S2T4V6W8")).isFalse();
  }

  @Test
  void aTextNeedsOneLanguageAtLeast() {
    assertThat(new LocalizedText(" ", "Неделя", null).preferred()).isEqualTo("Неделя");
    assertThat(new LocalizedText(" Жумалык ", "Неделя", null).ky()).isEqualTo("Жумалык");
    assertThatThrownBy(() -> new LocalizedText(null, " ", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LocalizedText("x".repeat(301), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contactsArePhonesOrEmailsWithAKeyForErasure() {
    assertThat(Contact.phone("+996 (555) 11-12-13").key()).isEqualTo("996555111213");
    assertThat(Contact.email("Aigul.T@Example.KG").key()).isEqualTo("aigul.t@example.kg");
    assertThat(Contact.keyOf(" +996 555 111213 ")).isEqualTo("996555111213");
    assertThatThrownBy(() -> Contact.phone("12-34")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Contact.phone("call me")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Contact.email("aigul@")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Contact.phone("0700 123 456").toString()).doesNotContain("700");
    assertThat(new ReaderName("Айгүл  Токтосунова").value()).isEqualTo("Айгүл Токтосунова");
    assertThat(new ReaderName("Айгүл").toString()).doesNotContain("Айгүл");
  }

  @Test
  void onlyTheTokensHashIsKeptAndItMatchesOnlyTheToken() {
    CancellationToken token = CancellationToken.generate(new Random(1));
    String hash = token.hash();
    assertThat(hash).hasSize(64).doesNotContain(token.value());
    assertThat(token.matches(hash)).isTrue();
    assertThat(CancellationToken.generate(new Random(2)).matches(hash)).isFalse();
    assertThat(token.matches(null)).isFalse();
  }
}
