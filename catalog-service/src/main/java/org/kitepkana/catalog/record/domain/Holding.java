package org.kitepkana.catalog.record.domain;

import java.util.Objects;
import org.kitepkana.catalog.branch.domain.BranchId;

/** One branch's copies of a record, under the branch's own item id. */
public record Holding(
    BranchId branchId,
    String itemId,
    String callNumber,
    int copies,
    String location,
    HoldingStatus status) {

  public Holding {
    Objects.requireNonNull(branchId, "branchId");
    if (itemId == null || itemId.isBlank()) {
      throw new IllegalArgumentException("itemId must not be blank");
    }
    if (copies < 0) {
      throw new IllegalArgumentException("copies must not be negative");
    }
    Objects.requireNonNull(status, "status");
  }

  public boolean isOf(BranchId branch, String item) {
    return branchId.equals(branch) && itemId.equals(item);
  }

  public Holding withdrawn() {
    return new Holding(branchId, itemId, callNumber, copies, location, HoldingStatus.WITHDRAWN);
  }
}
