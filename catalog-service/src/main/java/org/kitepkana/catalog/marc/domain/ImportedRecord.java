package org.kitepkana.catalog.marc.domain;

import java.util.List;
import java.util.Objects;
import org.kitepkana.catalog.record.domain.Description;

/**
 * A MARC record read and mapped: the description the union catalogue keeps, the branch's holdings
 * and what had to be repaired on the way.
 *
 * @param position ordinal in the file, from 1
 * @param byteOffset where the record starts in the file, or -1 when unknown
 * @param controlNumber 001 as read, or null when the record has none
 * @param itemKey the base of the record's item ids (the control number, or a content hash when
 *     there is no 001); two records with the same key are the same item
 * @param contentHash a hash of the record's fields, to tell a repeated record from a different one
 *     that reuses a control number
 * @param description the bibliographic description
 * @param holdings the branch's holdings, at least one
 * @param warnings what was repaired or left out, for the error report; empty if nothing
 */
public record ImportedRecord(
    long position,
    long byteOffset,
    String controlNumber,
    String itemKey,
    long contentHash,
    Description description,
    List<ImportedHolding> holdings,
    List<String> warnings) {

  public ImportedRecord {
    Objects.requireNonNull(itemKey, "itemKey");
    Objects.requireNonNull(description, "description");
    if (holdings == null || holdings.isEmpty()) {
      throw new IllegalArgumentException("a record has at least one holding");
    }
    holdings = List.copyOf(holdings);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
