package org.kitepkana.catalog.legal.domain;

/**
 * The kind of a normative legal act of local self-government in the Kyrgyz Republic, by the name
 * the act carries.
 */
public enum ActKind {
  /** Токтом (постановление): what a local kenesh, and an ayil okmotu, adopt as normative acts. */
  RESOLUTION,
  /** Чечим (решение): a decision, the name keneshes' acts carried before the 2021 law. */
  DECISION,
  /** Буйрук (распоряжение, приказ): an order of the head of an ayil okmotu or the mayor. */
  ORDER,
  /** Anything else the library keeps with the acts: regulations, programmes, statutes. */
  OTHER
}
