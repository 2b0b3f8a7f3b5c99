package org.kitepkana.partnership.common.application;

import java.util.List;

/**
 * The outcome of a command or a query of the partnership application services: done, or why not.
 * Business refusals are values, not exceptions; the web adapter maps each kind to its status.
 */
public sealed interface Result<T> {

  static <T> Result<T> done(T value) {
    return new Done<>(value);
  }

  static <T> Result<T> notFound(String what) {
    return new NotFound<>(what);
  }

  static <T> Result<T> forbidden(String reason) {
    return new Forbidden<>(reason);
  }

  static <T> Result<T> invalid(List<Violation> violations) {
    return new Invalid<>(violations);
  }

  static <T> Result<T> invalid(String field, String reason) {
    return new Invalid<>(List.of(new Violation(field, reason)));
  }

  static <T> Result<T> conflict(String field, String reason) {
    return new Conflict<>(field, reason);
  }

  /** Done; the value is the new state or the answer. */
  record Done<T>(T value) implements Result<T> {}

  /** Nothing with that id (or the caller may not know that it exists). */
  record NotFound<T>(String what) implements Result<T> {}

  /** The actor may not do this. */
  record Forbidden<T>(String reason) implements Result<T> {}

  /** The command names unknown things or contradicts itself; nothing was written. */
  record Invalid<T>(List<Violation> violations) implements Result<T> {
    public Invalid {
      violations = List.copyOf(violations);
    }
  }

  /**
   * The command does not fit the current state: a stale version, an illegal lifecycle step.
   *
   * @param field the request field that asked for it, or null
   */
  record Conflict<T>(String field, String reason) implements Result<T> {}
}
