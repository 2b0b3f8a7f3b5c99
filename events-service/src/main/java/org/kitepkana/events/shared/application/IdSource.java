package org.kitepkana.events.shared.application;

import java.security.SecureRandom;
import java.time.Clock;
import org.kitepkana.platform.ids.Ulid;

/** Hands out new ULIDs; time from the injected clock. */
public final class IdSource {

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public IdSource(Clock clock) {
    this.clock = clock;
  }

  public String next() {
    return Ulid.next(clock.instant(), random);
  }
}
