package org.kitepkana.partnership.library.domain;

import java.util.regex.Pattern;
import org.kitepkana.partnership.common.domain.InvalidValue;

/**
 * A library of the network by its branch code, as catalog-service publishes it on {@code
 * network.branches.v1}, e.g. {@code at-bashy}.
 */
public record LibraryId(String value) {

  private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");

  public LibraryId {
    if (!isValid(value)) {
      throw new InvalidValue("", "must be a branch id: 2-40 lower-case letters, digits or dashes");
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
