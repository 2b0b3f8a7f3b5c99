package org.kitepkana.catalog.curation.adapter.in.web;

import java.util.List;

/** Request bodies of the curation API, as received: checked field by field, not here. */
final class CurationRequests {

  private CurationRequests() {}

  /**
   * The editable shared description; the whole of it (PUT): a field left out is cleared. {@code
   * version} is the version read (or send {@code If-Match}).
   */
  record EditRecord(
      Long version,
      String kind,
      String title,
      List<String> authors,
      String isbn13,
      Integer year,
      String language,
      String publisher,
      String edition,
      List<String> subjects,
      List<String> udc,
      List<String> bbk) {}

  /** Merge {@code mergedRecordId} into the record of the path. */
  record Merge(String mergedRecordId) {}

  /** Move a branch's holding to {@code toRecordId}. */
  record Move(String branchId, String itemId, String toRecordId) {}
}
