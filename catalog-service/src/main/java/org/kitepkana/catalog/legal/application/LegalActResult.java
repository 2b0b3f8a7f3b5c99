package org.kitepkana.catalog.legal.application;

import org.kitepkana.catalog.legal.domain.LegalAct;

/** The outcome of a change to the databank: done, or why not. */
public sealed interface LegalActResult {

  record Done(LegalAct act) implements LegalActResult {}

  record NotFound() implements LegalActResult {}

  /** The actor may not do this; {@code reason} says who may. */
  record Forbidden(String reason) implements LegalActResult {}

  /** The request is wrong in {@code field}. */
  record Invalid(String field, String reason) implements LegalActResult {}

  /** The act's state forbids the change. */
  record Refused(String field, String reason) implements LegalActResult {}

  /** Another act has the same issuing body, number and adoption year. */
  record Duplicate(LegalAct existing) implements LegalActResult {}

  record VersionConflict(long currentVersion) implements LegalActResult {}
}
