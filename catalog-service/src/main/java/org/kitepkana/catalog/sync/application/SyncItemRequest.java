package org.kitepkana.catalog.sync.application;

import java.util.List;

/**
 * One line of a batch as received, before validation: every field may be missing or wrong, and a
 * wrong line must not cost its neighbours.
 */
public record SyncItemRequest(
    String op,
    String itemId,
    String callNumber,
    Integer copies,
    String location,
    DescriptionRequest description) {

  /** The bibliographic description as received. */
  public record DescriptionRequest(
      String title,
      List<String> authors,
      String isbn,
      Integer year,
      String language,
      String publisher,
      String kind) {}
}
