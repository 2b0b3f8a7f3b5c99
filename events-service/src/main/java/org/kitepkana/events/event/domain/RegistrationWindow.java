package org.kitepkana.events.event.domain;

import java.time.Instant;

/**
 * When readers may register: from {@code opens} (null: at once) until {@code closes} (null: until
 * the library event starts).
 */
public record RegistrationWindow(Instant opens, Instant closes) {

  public static final RegistrationWindow ALWAYS = new RegistrationWindow(null, null);

  public RegistrationWindow {
    if (opens != null && closes != null && !closes.isAfter(opens)) {
      throw new IllegalArgumentException("registration must close after it opens");
    }
  }

  public boolean isOpen(Instant now, TimeSlot slot) {
    Instant end = closes != null ? closes : slot.start();
    return (opens == null || !now.isBefore(opens)) && now.isBefore(end);
  }
}
