package org.kitepkana.events.event.domain;

import java.util.Locale;

/**
 * A room or place inside a branch, as the branch names it ({@code окуу залы}). Two names that
 * differ only in case or spacing are the same room.
 */
public record Room(String name) {

  public static final int MAX_LENGTH = 100;

  public Room {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    name = name.strip().replaceAll("\\s+", " ");
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("at most " + MAX_LENGTH + " characters");
    }
  }

  /** The normalized name that identifies the room within its branch. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }
}
