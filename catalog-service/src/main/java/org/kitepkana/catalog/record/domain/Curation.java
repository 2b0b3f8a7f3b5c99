package org.kitepkana.catalog.record.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A record's curation state: where it stands, the coordinator operations that hold it, and where
 * its departed holdings went. Kept on the record itself, so every step of a merge or a move is one
 * conditional write of one document.
 *
 * @param state ACTIVE, MERGING or MERGED
 * @param mergeTarget for MERGING and MERGED: the survivor; null otherwise
 * @param incoming operations moving holdings into this record (a merge or a move in flight); while
 *     any is, the record cannot itself be merged away
 * @param movingOut holdings a move is taking from this record, to their target
 * @param departed holdings that left this record, to where they went: a sync of such an item
 *     follows it there
 * @param mergeHoldings for MERGING and MERGED: the holdings the merge moves (all the record had
 *     when the merge began)
 */
public record Curation(
    RecordState state,
    RecordId mergeTarget,
    Set<String> incoming,
    Map<HoldingRef, RecordId> movingOut,
    Map<HoldingRef, RecordId> departed,
    List<HoldingRef> mergeHoldings) {

  public Curation {
    Objects.requireNonNull(state, "state");
    if ((state == RecordState.ACTIVE) != (mergeTarget == null)) {
      throw new IllegalArgumentException("a merge target goes with MERGING or MERGED only");
    }
    incoming = Set.copyOf(incoming);
    movingOut = Map.copyOf(movingOut);
    departed = Map.copyOf(departed);
    mergeHoldings = List.copyOf(mergeHoldings);
  }

  /** A record no coordinator has touched. */
  public static Curation active() {
    return new Curation(RecordState.ACTIVE, null, Set.of(), Map.of(), Map.of(), List.of());
  }
}
