package org.kitepkana.catalog.marc.application;

import java.util.function.Consumer;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.application.RecordStore;

/**
 * Every holding of a branch, in item-id order, streamed: an export of any size in bounded memory.
 */
public interface BranchHoldings {

  void forEach(BranchId branch, Consumer<RecordStore.HeldItem> each);
}
