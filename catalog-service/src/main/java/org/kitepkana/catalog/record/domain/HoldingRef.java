package org.kitepkana.catalog.record.domain;

import java.util.Objects;
import org.kitepkana.catalog.branch.domain.BranchId;

/**
 * Which holding: a branch and the branch's own item id. A holding keeps this identity wherever it
 * goes, when a coordinator moves it to another record or merges its record away.
 */
public record HoldingRef(BranchId branchId, String itemId) {

  public HoldingRef {
    Objects.requireNonNull(branchId, "branchId");
    if (itemId == null || itemId.isBlank()) {
      throw new IllegalArgumentException("itemId must not be blank");
    }
  }

  /** {@code branch|item}, the form locators and operation ids use. */
  public String key() {
    return branchId.value() + "|" + itemId;
  }

  @Override
  public String toString() {
    return key();
  }
}
