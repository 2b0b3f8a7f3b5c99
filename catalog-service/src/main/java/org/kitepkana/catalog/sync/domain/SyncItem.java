package org.kitepkana.catalog.sync.domain;

import org.kitepkana.catalog.record.domain.Description;

/** One validated line of a sync batch. */
public sealed interface SyncItem {

  int index();

  String itemId();

  /** The branch holds {@code copies} of this item, described so. */
  record Upsert(
      int index,
      String itemId,
      Description description,
      String callNumber,
      int copies,
      String location)
      implements SyncItem {}

  /** The branch no longer holds the item. */
  record Withdraw(int index, String itemId) implements SyncItem {}
}
