package org.kitepkana.catalog.legal.domain;

/**
 * Where an act stands: in force as adopted, in force with amendments, or repealed. An act starts
 * {@link #IN_FORCE}; it may be amended any number of times; a repeal is final.
 */
public enum ActStatus {
  IN_FORCE,
  AMENDED,
  REPEALED;

  /** Whether an act in this status may move to {@code next} by a later act. */
  public boolean mayBecome(ActStatus next) {
    if (this == REPEALED) {
      return false;
    }
    return next == AMENDED || next == REPEALED;
  }

  /** Whether the act applies while in this status (as adopted or as amended). */
  public boolean applies() {
    return this != REPEALED;
  }
}
