package org.kitepkana.catalog.record.domain;

import java.util.Objects;
import org.kitepkana.catalog.branch.domain.BranchId;

/**
 * One branch's copies of a record, under the branch's own item id.
 *
 * @param moves how often a coordinator has moved this holding to another record (by a move or a
 *     merge); with the record version it orders the holding's history across records
 */
public record Holding(
    BranchId branchId,
    String itemId,
    String callNumber,
    int copies,
    String location,
    HoldingStatus status,
    int moves) {

  public Holding {
    Objects.requireNonNull(branchId, "branchId");
    if (itemId == null || itemId.isBlank()) {
      throw new IllegalArgumentException("itemId must not be blank");
    }
    if (copies < 0) {
      throw new IllegalArgumentException("copies must not be negative");
    }
    Objects.requireNonNull(status, "status");
    if (moves < 0) {
      throw new IllegalArgumentException("moves must not be negative");
    }
  }

  /** A holding that has never been moved. */
  public Holding(
      BranchId branchId,
      String itemId,
      String callNumber,
      int copies,
      String location,
      HoldingStatus status) {
    this(branchId, itemId, callNumber, copies, location, status, 0);
  }

  public boolean isOf(BranchId branch, String item) {
    return branchId.equals(branch) && itemId.equals(item);
  }

  public HoldingRef ref() {
    return new HoldingRef(branchId, itemId);
  }

  public Holding withdrawn() {
    return new Holding(
        branchId, itemId, callNumber, copies, location, HoldingStatus.WITHDRAWN, moves);
  }

  /** This holding as it arrives on another record: one move more. */
  public Holding movedOnce() {
    return new Holding(branchId, itemId, callNumber, copies, location, status, moves + 1);
  }

  /** This holding's branch-side state (call number, copies, location, status) with these moves. */
  public Holding withMoves(int count) {
    return new Holding(branchId, itemId, callNumber, copies, location, status, count);
  }

  /** Same branch-side state, whatever the moves. */
  public boolean sameStateAs(Holding other) {
    return withMoves(0).equals(other.withMoves(0));
  }
}
