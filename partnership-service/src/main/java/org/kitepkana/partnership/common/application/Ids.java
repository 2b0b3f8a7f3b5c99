package org.kitepkana.partnership.common.application;

import java.security.SecureRandom;
import java.time.Clock;
import org.kitepkana.platform.ids.Ulid;

/** Assigns new ULIDs from the injected clock. */
public final class Ids {

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Ids(Clock clock) {
    this.clock = clock;
  }

  public String next() {
    return Ulid.next(clock.instant(), random);
  }
}
