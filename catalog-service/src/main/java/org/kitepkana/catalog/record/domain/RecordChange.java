package org.kitepkana.catalog.record.domain;

import java.util.List;

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

  /**
   * A coordinator moved a holding from one record to another. Both records record it: on {@code
   * from} it says the holding left ({@code recordId} = {@code from}), on {@code to} that it arrived
   * ({@code recordId} = {@code to}).
   */
  record HoldingMoved(
      RecordId recordId, RecordId from, RecordId to, Holding holding, MoveReason reason)
      implements RecordChange {

    public boolean isArrival() {
      return recordId.equals(to);
    }
  }

  /** The record was merged into {@code survivor}, which now has these holdings of it. */
  record RecordMerged(RecordId recordId, RecordId survivor, List<HoldingRef> movedHoldings)
      implements RecordChange {}
}
