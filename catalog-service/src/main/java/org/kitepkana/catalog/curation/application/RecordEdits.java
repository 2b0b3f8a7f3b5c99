package org.kitepkana.catalog.curation.application;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.record.domain.RecordState;
import org.kitepkana.platform.security.Actor;

/**
 * A coordinator edits the shared description of a record, at the version she read (optimistic
 * locking). The record's ISBN key follows the edit: a new ISBN is claimed through the unique index
 * before the record is saved (an ISBN another record owns is refused, naming that record, since the
 * two are then duplicates to merge); the old ISBN is given up after the save. The match key of the
 * new title, author and year is claimed if free; the old one stays, so branches that still send the
 * old spelling keep finding the record.
 */
public final class RecordEdits {

  private final RecordStore records;

  public RecordEdits(RecordStore records) {
    this.records = records;
  }

  public CurationOutcome edit(
      Actor actor, RecordId id, long expectedVersion, Description description) {
    Optional<CurationOutcome.Forbidden> refused = CoordinatorsOnly.refusal(actor);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<CatalogRecord> found = records.find(id);
    if (found.isEmpty()) {
      return new CurationOutcome.NotFound("No record " + id);
    }
    CatalogRecord record = found.get();
    if (record.state() != RecordState.ACTIVE) {
      return CurationOutcome.Conflict.mergedAway(
          record, "; edit " + record.mergeTarget().orElseThrow());
    }
    if (record.version() != expectedVersion) {
      return new CurationOutcome.StaleVersion(record.version());
    }
    Isbn before = record.description().isbn();
    Isbn after = description.isbn();
    boolean claimed = false;
    if (after != null && !after.equals(before)) {
      String key = isbnKey(after);
      RecordId owner = records.lookupKeys(List.of(key)).get(key);
      if (owner == null) {
        owner = records.claimKeys(Map.of(key, id)).get(key);
        claimed = id.equals(owner);
      }
      RecordId resolved = records.findFollowingMerges(owner).map(CatalogRecord::id).orElse(owner);
      if (!id.equals(resolved)) {
        return new CurationOutcome.Conflict(
            "ISBN "
                + after.value()
                + " belongs to record "
                + resolved
                + "; if both describe one edition, merge "
                + resolved
                + " into "
                + id
                + " (POST /api/catalog/records/"
                + id
                + "/merges) instead",
            resolved);
      }
    }
    if (!record.edit(description)) {
      return new CurationOutcome.Edited(record);
    }
    if (!records.save(List.of(record)).isEmpty()) {
      if (claimed) {
        records.releaseKey(isbnKey(after), id);
      }
      return new CurationOutcome.StaleVersion(
          records.find(id).map(CatalogRecord::version).orElse(expectedVersion));
    }
    if (before != null && !Objects.equals(before, after)) {
      records.releaseKey(isbnKey(before), id);
    }
    records.claimKeys(Map.of("mk:" + record.matchKey().value(), id));
    return new CurationOutcome.Edited(records.find(id).orElseThrow());
  }

  private static String isbnKey(Isbn isbn) {
    return "isbn:" + isbn.value();
  }
}
