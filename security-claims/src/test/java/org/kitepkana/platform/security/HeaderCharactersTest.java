package org.kitepkana.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeaderCharactersTest {

  /** Spring Security 7's strict firewalls' own patterns. */
  private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

  private static final Pattern VALUES =
      Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  @Test
  void judgesEveryCodePointAsTheFirewallsPatternsDo() {
    List<String> differ = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      String one = new String(Character.toChars(c));
      if (HeaderCharacters.NAMES.test(one) != NAMES.matcher(one).matches()
          || HeaderCharacters.VALUES.test(one) != VALUES.matcher(one).matches()) {
        differ.add(Integer.toHexString(c));
      }
    }
    assertThat(differ).isEmpty();
  }

  @Test
  void judgesWholeHeadersAsTheFirewallsPatternsDo() {
    List<String> samples =
        List.of(
            "",
            "Authorization",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln",
            "text/html;\tq=0.9",
            "Айтматов Жамиля, ң ө ү",
            "emoji \uD83D\uDCDA ok",
            "lone surrogate \uD83D end",
            "line\r\nbreak",
            "nul\u0000",
            "del\u007F",
            "c1\u0085",
            "unassigned\u0378");
    for (String sample : samples) {
      assertThat(HeaderCharacters.NAMES.test(sample))
          .as(sample)
          .isEqualTo(NAMES.matcher(sample).matches());
      assertThat(HeaderCharacters.VALUES.test(sample))
          .as(sample)
          .isEqualTo(VALUES.matcher(sample).matches());
    }
  }

  @Test
  void letsAnAbsentValuePassAsTheFirewallsDo() {
    assertThat(HeaderCharacters.NAMES.test(null)).isTrue();
    assertThat(HeaderCharacters.VALUES.test(null)).isTrue();
  }
}
