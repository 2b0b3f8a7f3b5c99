package org.kitepkana.catalog.curation.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kitepkana.catalog.curation.domain.CurationOperation;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.MoveReason;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.record.domain.RecordState;
import org.kitepkana.platform.security.Actor;

/**
 * A coordinator moves one holding to another record (a branch's item was attached to the wrong
 * edition). The move is remembered as an operation first, then: the target is held open (it cannot
 * be merged away meanwhile), the holding is marked as moving on its record (which cannot be merged
 * meanwhile), the {@link HoldingTransfer} runs, the target is released. Each step is idempotent, so
 * {@link #resume} finishes a move a crash interrupted.
 */
public final class HoldingMoves {

  private final RecordStore records;
  private final CurationOperations operations;
  private final HoldingTransfer transfer;
  private final RecordUpdates updates;
  private final Clock clock;

  public HoldingMoves(
      RecordStore records, CurationOperations operations, HoldingTransfer transfer, Clock clock) {
    this.records = records;
    this.operations = operations;
    this.transfer = transfer;
    this.updates = new RecordUpdates(records);
    this.clock = clock;
  }

  public CurationOutcome move(Actor actor, HoldingRef ref, RecordId to) {
    Optional<CurationOutcome.Forbidden> refused = CoordinatorsOnly.refusal(actor);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<CatalogRecord> source = whereIs(ref);
    if (source.isEmpty()) {
      return new CurationOutcome.NotFound(
          "branch " + ref.branchId().value() + " holds no item " + ref.itemId());
    }
    RecordId from = source.get().id();
    if (from.equals(to)) {
      return new CurationOutcome.Conflict("the holding is on record " + to + " already", to);
    }
    Optional<CatalogRecord> target = records.find(to);
    if (target.isEmpty()) {
      return new CurationOutcome.NotFound("No record " + to);
    }
    if (target.get().state() != RecordState.ACTIVE) {
      return CurationOutcome.Conflict.mergedAway(target.get(), "; move to it");
    }
    if (source.get().state() != RecordState.ACTIVE) {
      return new CurationOutcome.Conflict(
          "the holding's record " + from + " is being merged; its holdings move with the merge",
          source.get().mergeTarget().orElseThrow());
    }
    var operation = new CurationOperation.Move(ref, from, to, actor.subject(), clock.instant());
    if (!operations.start(operation)) {
      return new CurationOutcome.Conflict("holding " + ref + " is being moved already", null);
    }
    return resume(operation);
  }

  /** Runs (or runs again) every step of a move; a step already done is skipped. */
  public CurationOutcome resume(CurationOperation.Move op) {
    try {
      Optional<String> refusal = lockTarget(op);
      if (refusal.isEmpty()) {
        refusal = markSource(op);
      }
      if (refusal.isPresent()) {
        abandon(op);
        return new CurationOutcome.Conflict(refusal.get(), null);
      }
      transfer.transfer(op.holding(), op.from(), op.to(), MoveReason.MOVE);
      releaseTarget(op);
      operations.finish(op);
      return new CurationOutcome.Moved(op.holding(), op.from(), op.to());
    } catch (RecordUpdates.BusyRecord busy) {
      return new CurationOutcome.Busy(busy.getMessage() + "; the move will be finished shortly");
    }
  }

  /** Step: the target cannot be merged away while the holding comes in. */
  public Optional<String> lockTarget(CurationOperation.Move op) {
    String[] refusal = {null};
    Optional<CatalogRecord> target =
        updates.update(
            op.to(),
            r -> {
              if (r.isLockedBy(op.id())) {
                return false;
              }
              if (r.state() != RecordState.ACTIVE) {
                refusal[0] = "record " + op.to() + " is " + r.state();
                return false;
              }
              r.lockIncoming(op.id());
              return true;
            });
    return target.isEmpty() ? Optional.of("No record " + op.to()) : Optional.ofNullable(refusal[0]);
  }

  /** Step: the source cannot be merged away while the holding leaves. */
  public Optional<String> markSource(CurationOperation.Move op) {
    String[] refusal = {null};
    HoldingRef ref = op.holding();
    updates.update(
        op.from(),
        r -> {
          if (op.to().equals(r.movingOutTo(ref).orElse(null))
              || op.to().equals(r.departedTo(ref).orElse(null))) {
            return false;
          }
          if (r.state() != RecordState.ACTIVE) {
            refusal[0] = "record " + op.from() + " is " + r.state();
          } else if (r.holding(ref).isEmpty()) {
            refusal[0] = "holding " + ref + " is not on record " + op.from() + " any more";
          } else if (r.movingOutTo(ref).isPresent()) {
            refusal[0] = "holding " + ref + " is being moved already";
          } else {
            r.markMovingOut(ref, op.to());
            return true;
          }
          return false;
        });
    return Optional.ofNullable(refusal[0]);
  }

  /** Step: the target may be merged again. */
  public void releaseTarget(CurationOperation.Move op) {
    updates.update(
        op.to(),
        r -> {
          if (!r.isLockedBy(op.id())) {
            return false;
          }
          r.unlockIncoming(op.id());
          return true;
        });
  }

  private void abandon(CurationOperation.Move op) {
    releaseTarget(op);
    operations.finish(op);
  }

  /** The record holding the item now: its locator's record, followed where the item went. */
  private Optional<CatalogRecord> whereIs(HoldingRef ref) {
    RecordId at = records.locate(ref.branchId(), List.of(ref.itemId())).get(ref.itemId());
    for (int hop = 0; at != null && hop < 16; hop++) {
      Optional<CatalogRecord> record = records.find(at);
      if (record.isEmpty()) {
        return record;
      }
      if (record.get().holding(ref).isPresent()) {
        return record;
      }
      at = record.get().redirectFor(ref.branchId(), ref.itemId()).orElse(null);
    }
    return Optional.empty();
  }
}
