package org.kitepkana.catalog.marc.domain;

import java.time.Instant;
import java.util.regex.Pattern;
import org.kitepkana.catalog.record.domain.RecordId;

/** An import job's id: a ULID, like record ids, so ids sort by creation time. */
public record MarcJobId(String value) {

  private static final Pattern FORMAT = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{26}$");

  public MarcJobId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("must be a 26-character ULID");
    }
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  public static MarcJobId newId(Instant now) {
    return new MarcJobId(RecordId.newId(now).value());
  }

  @Override
  public String toString() {
    return value;
  }
}
