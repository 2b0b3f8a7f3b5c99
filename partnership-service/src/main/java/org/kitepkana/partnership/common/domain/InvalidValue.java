package org.kitepkana.partnership.common.domain;

/**
 * A value object refused what it was given. Names the property at fault relative to the object
 * (e.g. {@code currency} of an amount), so an adapter can report it with the full path (e.g. {@code
 * contributions[2].currency}).
 */
public final class InvalidValue extends IllegalArgumentException {

  private final String property;
  private final String reason;

  public InvalidValue(String property, String reason) {
    super(property + ": " + reason);
    this.property = property;
    this.reason = reason;
  }

  /** The property at fault, relative to the object that refused it; empty for the whole object. */
  public String property() {
    return property;
  }

  public String reason() {
    return reason;
  }
}
