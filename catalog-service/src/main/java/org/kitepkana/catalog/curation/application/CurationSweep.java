package org.kitepkana.catalog.curation.application;

import java.time.Clock;
import java.time.Duration;
import org.kitepkana.catalog.curation.domain.CurationOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes curation operations that have been in flight for longer than a request takes: their
 * process died between two steps. Every step is idempotent, so running an operation again is safe
 * even if its first run is still going.
 */
public final class CurationSweep {

  private static final Logger log = LoggerFactory.getLogger(CurationSweep.class);

  private final CurationOperations operations;
  private final RecordMerges merges;
  private final HoldingMoves moves;
  private final Clock clock;
  private final Duration staleAfter;

  public CurationSweep(
      CurationOperations operations,
      RecordMerges merges,
      HoldingMoves moves,
      Clock clock,
      Duration staleAfter) {
    this.operations = operations;
    this.merges = merges;
    this.moves = moves;
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  /** Resumes every stale operation; returns how many were taken up. */
  public int resumeStale() {
    int resumed = 0;
    for (CurationOperation op : operations.startedBefore(clock.instant().minus(staleAfter))) {
      try {
        CurationOutcome outcome = resume(op);
        log.info("Resumed curation operation {}: {}", op.id(), outcome);
        resumed++;
      } catch (RuntimeException e) {
        log.warn("Curation operation {} could not be resumed yet: {}", op.id(), e.toString());
      }
    }
    return resumed;
  }

  public CurationOutcome resume(CurationOperation op) {
    if (op instanceof CurationOperation.Merge merge) {
      return merges.resume(merge);
    }
    return moves.resume((CurationOperation.Move) op);
  }
}
