package org.kitepkana.partnership.project.domain;

/** How far a project reaches, judged by who takes part. */
public enum Scale {
  /** One library. */
  MONO,
  /** Several libraries of the network. */
  INTER_LIBRARY,
  /** Libraries of several districts of the region. */
  REGIONAL,
  /** With participants elsewhere in Kyrgyzstan, outside the region's network. */
  NATIONAL,
  /** With participants abroad. */
  INTERNATIONAL
}
