package org.kitepkana.catalog.branch.domain;

import java.util.regex.Pattern;

/** A branch's own code, e.g. {@code at-bashy-district}: lower-case letters, digits, dashes. */
public record BranchId(String value) {

  private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");

  public BranchId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "must be 2-40 lower-case letters, digits or dashes, starting with a letter or digit");
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
