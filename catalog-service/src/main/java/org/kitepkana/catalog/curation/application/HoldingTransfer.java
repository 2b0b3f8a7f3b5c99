package org.kitepkana.catalog.curation.application;

import java.util.List;
import java.util.Optional;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Holding;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.MoveReason;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * Moves one holding between two records in three idempotent steps, each one conditional write of
 * one document, so an interrupted transfer is finished by running it again:
 *
 * <ol>
 *   <li>arrive: the target gets the holding (one move more), with its {@code holding.moved};
 *   <li>the branch item's locator points at the target, so the branch's next sync goes there;
 *   <li>depart: the source drops the holding, remembering where it went (a sync that still reaches
 *       the source is sent on), with its {@code holding.moved}. If the branch changed the holding
 *       on the source meanwhile, the target is brought up to date first, so nothing is lost.
 * </ol>
 *
 * Between steps 1 and 3 the holding is on both records; readers of the topic see it arrive on the
 * target before it leaves the source.
 */
public final class HoldingTransfer {

  private final RecordStore records;
  private final RecordUpdates updates;

  public HoldingTransfer(RecordStore records) {
    this.records = records;
    this.updates = new RecordUpdates(records);
  }

  /** Runs all three steps (each skipped when already done). */
  public void transfer(HoldingRef ref, RecordId from, RecordId to, MoveReason reason) {
    arrive(ref, from, to, reason);
    repointLocator(ref, from, to);
    depart(ref, from, to, reason);
  }

  /** Step 1. */
  public void arrive(HoldingRef ref, RecordId from, RecordId to, MoveReason reason) {
    Optional<Holding> onSource = records.find(from).flatMap(r -> r.holding(ref));
    if (onSource.isEmpty()) {
      return; // it left the source already: arrived before
    }
    Holding arriving = onSource.get().movedOnce();
    updates.update(
        to,
        target -> target.holding(ref).isEmpty() && target.receiveHolding(arriving, from, reason));
  }

  /** Step 2. */
  public void repointLocator(HoldingRef ref, RecordId from, RecordId to) {
    records.repointLocator(ref.branchId(), ref.itemId(), from, to);
  }

  /** Step 3. */
  public void depart(HoldingRef ref, RecordId from, RecordId to, MoveReason reason) {
    for (int attempt = 0; attempt < RecordUpdates.MAX_ATTEMPTS; attempt++) {
      Optional<CatalogRecord> source = records.find(from);
      Optional<Holding> leaving = source.flatMap(r -> r.holding(ref));
      if (leaving.isEmpty()) {
        return;
      }
      CatalogRecord target =
          records.find(to).orElseThrow(() -> new IllegalStateException("no target record " + to));
      Holding arrived =
          target
              .holding(ref)
              .orElseThrow(() -> new IllegalStateException(ref + " has not arrived on " + to));
      if (target.refreshHolding(leaving.get()) && !records.save(List.of(target)).isEmpty()) {
        continue;
      }
      source.get().releaseHolding(ref, to, leaving.get().withMoves(arrived.moves()), reason);
      if (records.save(List.of(source.get())).isEmpty()) {
        return;
      }
    }
    throw new RecordUpdates.BusyRecord(from);
  }
}
