package org.kitepkana.catalog.marc.domain;

import java.util.Objects;

/**
 * A branch holding as a MARC record states it (852), before the upload's defaults fill the gaps.
 *
 * @param itemId the branch's item id: the record's control number, plus "#" and the barcode (852
 *     $p) for a barcoded item
 * @param callNumber 852 $h and $i, or null
 * @param location 852 $b and $c, or null
 * @param copies the copies the record states (1 for a barcoded item), or null when it says nothing
 */
public record ImportedHolding(String itemId, String callNumber, String location, Integer copies) {

  public ImportedHolding {
    Objects.requireNonNull(itemId, "itemId");
  }

  /** This holding with the upload's defaults wherever the record said nothing. */
  public ImportedHolding withDefaults(HoldingDefaults defaults) {
    return new ImportedHolding(
        itemId,
        callNumber == null ? defaults.callNumber() : callNumber,
        location == null ? defaults.location() : location,
        copies == null ? defaults.copies() : copies);
  }
}
