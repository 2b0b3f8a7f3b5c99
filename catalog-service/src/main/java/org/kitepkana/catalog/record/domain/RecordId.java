package org.kitepkana.catalog.record.domain;

import java.time.Instant;
import org.kitepkana.platform.ids.Ulid;

/**
 * A union-catalogue record's id: a ULID (26 characters, Crockford base32), so ids sort roughly by
 * creation time and need no central counter.
 */
public record RecordId(String value) {

  public RecordId {
    Ulid.require(value);
  }

  public static boolean isValid(String value) {
    return Ulid.isValid(value);
  }

  public static RecordId newId(Instant now) {
    return new RecordId(Ulid.next(now));
  }

  @Override
  public String toString() {
    return value;
  }
}
