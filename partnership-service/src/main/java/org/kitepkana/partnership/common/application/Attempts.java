package org.kitepkana.partnership.common.application;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Optimistic writes: read, decide, write conditional on the version read. A write that lost a race
 * to a concurrent writer is retried from a fresh read a few times when the caller did not insist on
 * a version; with an expected version, the first lost race is the caller's conflict.
 */
public final class Attempts {

  public static final int MAX = 5;

  private Attempts() {}

  /**
   * Runs {@code attempt} until it gives an answer (an empty optional means "lost a race, read again
   * and retry"), at most {@link #MAX} times.
   */
  public static <T> Result<T> retrying(Supplier<Optional<Result<T>>> attempt, String what) {
    for (int i = 0; i < MAX; i++) {
      Optional<Result<T>> answer = attempt.get();
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    return Result.conflict("version", what + " is being changed by others; try again");
  }

  /** The answer to a stale {@code expected} version, or empty when it matches (or is absent). */
  public static <T> Optional<Result<T>> staleVersion(Long expected, long current, String what) {
    if (expected != null && expected != current) {
      return Optional.of(
          Result.conflict("version", what + " is at version " + current + ", not " + expected));
    }
    return Optional.empty();
  }

  /** What to answer when a conditional write matched nothing. */
  public static <T> Optional<Result<T>> lostRace(Long expected, String what) {
    if (expected != null) {
      return Optional.of(
          Result.conflict("version", what + " was changed meanwhile; read it again"));
    }
    return Optional.empty();
  }
}
