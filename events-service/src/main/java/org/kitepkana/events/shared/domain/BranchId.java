package org.kitepkana.events.shared.domain;

import java.util.regex.Pattern;

/** A branch's own code as the branch directory publishes it, e.g. {@code at-bashy}. */
public record BranchId(String value) {

  private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");

  public BranchId {
    if (!isValid(value)) {
      throw new IllegalArgumentException("must be 2-40 lower-case letters, digits or dashes");
    }
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
