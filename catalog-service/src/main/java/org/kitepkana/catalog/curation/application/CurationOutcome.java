package org.kitepkana.catalog.curation.application;

import java.util.List;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.RecordId;

/** What a curation request came to; the web adapter maps each refusal to problem+json. */
public sealed interface CurationOutcome {

  /** The record after a coordinator's edit. */
  record Edited(CatalogRecord record) implements CurationOutcome {}

  /** The holding is on {@code to} now. */
  record Moved(HoldingRef holding, RecordId from, RecordId to) implements CurationOutcome {}

  /** {@code merged} is a tombstone redirecting to {@code survivor}, which has these holdings. */
  record Merged(RecordId survivor, RecordId merged, List<HoldingRef> movedHoldings)
      implements CurationOutcome {}

  /** Only a regional coordinator curates the union catalogue. */
  record Forbidden(String reason) implements CurationOutcome {}

  record NotFound(String detail) implements CurationOutcome {}

  /**
   * The catalogue's state does not allow it.
   *
   * @param related a record the caller should look at instead (the owner of an ISBN, the survivor
   *     of a merged record), or null
   */
  record Conflict(String detail, RecordId related) implements CurationOutcome {

    /**
     * {@code record} is merged (or being merged) away: the caller is sent on to its survivor, with
     * {@code advice} (which may name the survivor) after "record X is MERGED into Y".
     */
    static Conflict mergedAway(CatalogRecord record, String advice) {
      RecordId survivor = record.mergeTarget().orElseThrow();
      return new Conflict(
          "record " + record.id() + " is " + record.state() + " into " + survivor + advice,
          survivor);
    }
  }

  /** The record changed since the version the caller edited. */
  record StaleVersion(long currentVersion) implements CurationOutcome {}

  /** Other writers kept winning; the operation is remembered and will be finished by the sweep. */
  record Busy(String detail) implements CurationOutcome {}
}
