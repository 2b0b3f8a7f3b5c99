package org.kitepkana.catalog.sync.application;

import org.kitepkana.catalog.sync.domain.BatchResult;

/** The outcome of a sync request. */
public sealed interface SyncResult {

  /** The batch was applied now, or earlier ({@code replay}). */
  record Applied(BatchResult result, boolean replay) implements SyncResult {}

  record UnknownBranch() implements SyncResult {}

  /** Only a coordinator or the branch's own librarian syncs its holdings. */
  record Forbidden(String reason) implements SyncResult {}

  record BatchIdReused() implements SyncResult {}
}
