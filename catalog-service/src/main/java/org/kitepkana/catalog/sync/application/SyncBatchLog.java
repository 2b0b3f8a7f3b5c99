package org.kitepkana.catalog.sync.application;

import java.util.Optional;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.sync.domain.BatchResult;

/**
 * The memory of sync batches by id, so a batch resent over a flaky link gets its first answer and
 * changes nothing.
 */
public interface SyncBatchLog {

  /** What is known of a batch id before applying it. */
  sealed interface Known {}

  /** Never seen, or seen but not finished (the sender's link or our process died): apply it. */
  record Unfinished() implements Known {}

  /** Finished before with the same content: answer this again. */
  record Finished(BatchResult result) implements Known {}

  /** The id was used for a batch with different content. */
  record OtherContent() implements Known {}

  Known begin(BranchId branch, String batchId, String contentHash);

  void finish(BranchId branch, String batchId, String contentHash, BatchResult result);

  Optional<BatchResult> find(BranchId branch, String batchId);
}
