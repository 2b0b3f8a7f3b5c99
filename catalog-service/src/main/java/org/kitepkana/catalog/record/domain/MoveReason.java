package org.kitepkana.catalog.record.domain;

/** Why a holding changed records. */
public enum MoveReason {
  /** A coordinator moved this one holding. */
  MOVE,
  /** A coordinator merged the holding's record into another. */
  MERGE
}
