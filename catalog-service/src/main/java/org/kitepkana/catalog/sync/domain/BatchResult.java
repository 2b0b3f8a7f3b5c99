package org.kitepkana.catalog.sync.domain;

import java.util.List;

/** The answer to a sync batch: every item's fate, in the batch's order. */
public record BatchResult(
    String branchId,
    String batchId,
    int applied,
    int unchanged,
    int rejected,
    List<ItemResult> items) {

  public static BatchResult of(String branchId, String batchId, List<ItemResult> items) {
    int applied = 0;
    int unchanged = 0;
    int rejected = 0;
    for (ItemResult item : items) {
      switch (item.status()) {
        case "APPLIED" -> applied++;
        case "UNCHANGED" -> unchanged++;
        default -> rejected++;
      }
    }
    return new BatchResult(branchId, batchId, applied, unchanged, rejected, List.copyOf(items));
  }
}
