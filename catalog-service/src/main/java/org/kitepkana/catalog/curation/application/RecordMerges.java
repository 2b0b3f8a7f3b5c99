package org.kitepkana.catalog.curation.application;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kitepkana.catalog.curation.domain.CurationOperation;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Holding;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.MoveReason;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.record.domain.RecordState;
import org.kitepkana.platform.security.Actor;

/**
 * A coordinator merges a duplicate record into the one that survives. There are no multi-document
 * transactions, so the merge is a resumable process of idempotent steps, each one conditional write
 * of one document, remembered as an operation before the first:
 *
 * <ol>
 *   <li>{@link #lockSurvivor}: the survivor is held open (it cannot be merged away meanwhile);
 *   <li>{@link #beginMerge}: the intent, recorded on the merged record: MERGING into the survivor,
 *       with the list of holdings to move. From here on new items for it go to the survivor, and
 *       the merge is only ever finished, never undone;
 *   <li>{@link #repointKeys}: its ISBN and match keys lead to the survivor;
 *   <li>{@link #moveHoldings}: each holding moves ({@link HoldingTransfer});
 *   <li>{@link #completeMerge}: the merged record becomes a tombstone, with {@code record.merged};
 *   <li>{@link #releaseSurvivor}: the survivor completes its description from the merged one (a
 *       {@code record.updated} if that changed anything) and may be merged again.
 * </ol>
 *
 * A refusal found in steps 1-2 (the survivor is being merged itself, the record is locked) abandons
 * the operation before anything was published. {@link #resume} runs all steps again, skipping what
 * is done, after a crash.
 */
public final class RecordMerges {

  private final RecordStore records;
  private final CurationOperations operations;
  private final HoldingTransfer transfer;
  private final RecordUpdates updates;
  private final Clock clock;

  public RecordMerges(
      RecordStore records, CurationOperations operations, HoldingTransfer transfer, Clock clock) {
    this.records = records;
    this.operations = operations;
    this.transfer = transfer;
    this.updates = new RecordUpdates(records);
    this.clock = clock;
  }

  public CurationOutcome merge(Actor actor, RecordId survivorId, RecordId mergedId) {
    Optional<CurationOutcome.Forbidden> refused = CoordinatorsOnly.refusal(actor);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (survivorId.equals(mergedId)) {
      return new CurationOutcome.Conflict("a record cannot be merged into itself", null);
    }
    Optional<CatalogRecord> survivor = records.find(survivorId);
    if (survivor.isEmpty()) {
      return new CurationOutcome.NotFound("No record " + survivorId);
    }
    Optional<CatalogRecord> merged = records.find(mergedId);
    if (merged.isEmpty()) {
      return new CurationOutcome.NotFound("No record " + mergedId);
    }
    if (survivor.get().state() != RecordState.ACTIVE) {
      return CurationOutcome.Conflict.mergedAway(
          survivor.get(),
          " and cannot take a merge; merge into " + survivor.get().mergeTarget().orElseThrow());
    }
    Optional<String> why = merged.get().whyNotMergeable();
    if (why.isPresent()) {
      return new CurationOutcome.Conflict(why.get(), merged.get().mergeTarget().orElse(null));
    }
    var operation =
        new CurationOperation.Merge(mergedId, survivorId, actor.subject(), clock.instant());
    if (!operations.start(operation)) {
      return new CurationOutcome.Conflict("record " + mergedId + " is being merged already", null);
    }
    return resume(operation);
  }

  /** Runs (or runs again) every step of a merge; a step already done is skipped. */
  public CurationOutcome resume(CurationOperation.Merge op) {
    try {
      Optional<String> refusal = lockSurvivor(op);
      if (refusal.isEmpty()) {
        refusal = beginMerge(op);
      }
      if (refusal.isPresent()) {
        releaseSurvivor(op);
        operations.finish(op);
        return new CurationOutcome.Conflict(refusal.get(), null);
      }
      repointKeys(op);
      moveHoldings(op);
      List<HoldingRef> moved = completeMerge(op);
      repointKeys(op); // keys a sync claimed for the merged record while it was merging
      releaseSurvivor(op);
      operations.finish(op);
      return new CurationOutcome.Merged(op.survivor(), op.merged(), moved);
    } catch (RecordUpdates.BusyRecord busy) {
      return new CurationOutcome.Busy(busy.getMessage() + "; the merge will be finished shortly");
    }
  }

  /** Step 1. Returns why the survivor cannot take the merge, if it cannot. */
  public Optional<String> lockSurvivor(CurationOperation.Merge op) {
    String[] refusal = {null};
    Optional<CatalogRecord> survivor =
        updates.update(
            op.survivor(),
            r -> {
              if (r.isLockedBy(op.id())) {
                return false;
              }
              if (r.state() != RecordState.ACTIVE) {
                refusal[0] =
                    "record "
                        + op.survivor()
                        + " is "
                        + r.state()
                        + " into "
                        + r.mergeTarget().orElseThrow()
                        + " and cannot take a merge";
                return false;
              }
              r.lockIncoming(op.id());
              return true;
            });
    return survivor.isEmpty()
        ? Optional.of("No record " + op.survivor())
        : Optional.ofNullable(refusal[0]);
  }

  /** Step 2, the intent. Returns why the record cannot be merged, if it cannot. */
  public Optional<String> beginMerge(CurationOperation.Merge op) {
    String[] refusal = {null};
    Optional<CatalogRecord> merged =
        updates.update(
            op.merged(),
            r -> {
              if (r.state() != RecordState.ACTIVE
                  && op.survivor().equals(r.mergeTarget().orElse(null))) {
                return false; // begun before
              }
              Optional<String> why = r.whyNotMergeable();
              if (why.isPresent()) {
                refusal[0] = why.get();
                return false;
              }
              r.beginMerge(op.survivor());
              return true;
            });
    return merged.isEmpty()
        ? Optional.of("No record " + op.merged())
        : Optional.ofNullable(refusal[0]);
  }

  /** Step 3: future syncs and imports of the merged record's book find the survivor. */
  public void repointKeys(CurationOperation.Merge op) {
    records.repointKeys(op.merged(), op.survivor());
  }

  /** Step 4: every holding of the merged record moves to the survivor. */
  public void moveHoldings(CurationOperation.Merge op) {
    for (int round = 0; round < RecordUpdates.MAX_ATTEMPTS; round++) {
      CatalogRecord merged = records.find(op.merged()).orElseThrow();
      Set<HoldingRef> todo = new LinkedHashSet<>(merged.curation().mergeHoldings());
      merged.holdings().stream().map(Holding::ref).forEach(todo::add);
      if (merged.state() == RecordState.MERGED || merged.holdings().isEmpty()) {
        // Locators of holdings moved before a crash may still need their step 2.
        todo.forEach(ref -> transfer.repointLocator(ref, op.merged(), op.survivor()));
        return;
      }
      for (HoldingRef ref : todo) {
        transfer.transfer(ref, op.merged(), op.survivor(), MoveReason.MERGE);
      }
    }
    throw new RecordUpdates.BusyRecord(op.merged());
  }

  /** Step 5: the tombstone, with {@code record.merged}. Returns the holdings the merge moved. */
  public List<HoldingRef> completeMerge(CurationOperation.Merge op) {
    return updates
        .update(
            op.merged(),
            r -> {
              if (r.state() == RecordState.MERGED) {
                return false;
              }
              r.completeMerge();
              return true;
            })
        .orElseThrow()
        .curation()
        .mergeHoldings();
  }

  /** Step 6: the survivor completes its description from the merged record and is released. */
  public void releaseSurvivor(CurationOperation.Merge op) {
    Optional<CatalogRecord> merged = records.find(op.merged());
    boolean completes = merged.isPresent() && merged.get().state() == RecordState.MERGED;
    updates.update(
        op.survivor(),
        r -> {
          boolean locked = r.isLockedBy(op.id());
          r.unlockIncoming(op.id());
          if (locked && completes && r.state() == RecordState.ACTIVE) {
            r.completeWith(merged.get().description());
          }
          return locked;
        });
  }
}
