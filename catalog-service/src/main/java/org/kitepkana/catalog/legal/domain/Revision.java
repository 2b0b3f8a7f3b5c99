package org.kitepkana.catalog.legal.domain;

/** The outcome of asking an act to change: applied, nothing to change, or refused and why. */
public sealed interface Revision {

  /** The act changed; {@code change} is to be saved with it. */
  record Applied(LegalAct act, LegalActChange change) implements Revision {}

  /** The request asks for what the act already is. */
  record Unchanged(LegalAct act) implements Revision {}

  /** The request itself is wrong (a date before adoption, a missing reference). */
  record Invalid(String field, String reason) implements Revision {}

  /** The request is well formed but the act's state forbids it (a repealed act is final). */
  record NotNow(String field, String reason) implements Revision {}
}
