package org.kitepkana.catalog.legal.domain;

import java.time.Instant;
import org.kitepkana.platform.ids.Ulid;

/**
 * A legal act's id in the databank: a ULID (26 characters, Crockford base32). Not the act's number:
 * a number is unique only per issuing body and year, and a number entered wrongly can be corrected,
 * while the id never changes.
 */
public record LegalActId(String value) {

  public LegalActId {
    Ulid.require(value);
  }

  public static boolean isValid(String value) {
    return Ulid.isValid(value);
  }

  public static LegalActId newId(Instant now) {
    return new LegalActId(Ulid.next(now));
  }

  @Override
  public String toString() {
    return value;
  }
}
