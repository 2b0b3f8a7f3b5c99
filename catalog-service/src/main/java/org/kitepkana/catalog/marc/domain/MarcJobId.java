package org.kitepkana.catalog.marc.domain;

import java.time.Instant;
import org.kitepkana.platform.ids.Ulid;

/** An import job's id: a ULID, like record ids, so ids sort by creation time. */
public record MarcJobId(String value) {

  public MarcJobId {
    Ulid.require(value);
  }

  public static boolean isValid(String value) {
    return Ulid.isValid(value);
  }

  public static MarcJobId newId(Instant now) {
    return new MarcJobId(Ulid.next(now));
  }

  @Override
  public String toString() {
    return value;
  }
}
