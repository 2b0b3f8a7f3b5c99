package org.kitepkana.platform.security;

import java.util.function.Predicate;

/**
 * The characters Spring Security's strict firewalls allow in header names and values, checked with
 * a loop instead of their regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and the
 * same with tab for values). The firewall runs them on every header read of every request; the
 * regexes showed in the gateway's and the services' profiles. Same verdicts: {@code
 * HeaderCharactersTest} compares them with the regexes over every code point.
 */
public final class HeaderCharacters {

  /** Header (and parameter) names: assigned code points, no control characters. */
  public static final Predicate<String> NAMES = value -> allowed(value, false);

  /** Header values: as names, and tab. */
  public static final Predicate<String> VALUES = value -> allowed(value, true);

  private HeaderCharacters() {}

  /** As the firewalls' own predicates, an absent value (null) passes. */
  private static boolean allowed(String value, boolean tab) {
    if (value == null) {
      return true;
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (!Character.isDefined(c) || (Character.isISOControl(c) && !(tab && c == '\t'))) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
