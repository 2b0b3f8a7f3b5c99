package org.kitepkana.catalog.record.domain;

/** Where a record stands in curation. */
public enum RecordState {
  /** A normal record: branches attach holdings to it, coordinators edit it. */
  ACTIVE,
  /**
   * A coordinator is merging it into another record: its holdings are being moved there. It takes
   * no new holdings (they go to the survivor) and cannot be edited.
   */
  MERGING,
  /** Merged into another record: a tombstone that redirects every read and write there. */
  MERGED
}
