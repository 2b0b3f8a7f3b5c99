package org.kitepkana.catalog.record.domain;

/** What happened to a union-catalogue record or one of its holdings. */
public sealed interface RecordChange {

  RecordId recordId();

  /** A new record entered the union catalogue. */
  record RecordCreated(RecordId recordId, Description description, MatchKey matchKey)
      implements RecordChange {}

  /** The shared description changed (completed by a branch, or edited by a coordinator). */
  record RecordUpdated(RecordId recordId, Description description, MatchKey matchKey)
      implements RecordChange {}

  /** A branch added copies of this record. */
  record HoldingAdded(RecordId recordId, Holding holding) implements RecordChange {}

  /** A branch changed its holding: call number, copies, location, or it came back. */
  record HoldingChanged(RecordId recordId, Holding holding) implements RecordChange {}

  /** A branch no longer holds the item. */
  record HoldingWithdrawn(RecordId recordId, Holding holding) implements RecordChange {}
}
