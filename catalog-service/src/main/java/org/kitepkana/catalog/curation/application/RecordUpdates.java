package org.kitepkana.catalog.curation.application;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * One step of a curation operation on one record: load it, let the step change it, save it with its
 * events in one conditional write, and start over when another writer won the version race.
 */
final class RecordUpdates {

  static final int MAX_ATTEMPTS = 20;

  /** Other writers kept winning on this record; the operation stays in flight for the sweep. */
  static final class BusyRecord extends RuntimeException {
    BusyRecord(RecordId id) {
      super("record " + id + " is busy with other changes");
    }
  }

  private final RecordStore records;

  RecordUpdates(RecordStore records) {
    this.records = records;
  }

  /**
   * Applies {@code step} to the record; the step returns true when it changed something to save.
   * Returns the record as the step left it, or empty if there is no such record.
   */
  Optional<CatalogRecord> update(RecordId id, Predicate<CatalogRecord> step) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<CatalogRecord> found = records.find(id);
      if (found.isEmpty()) {
        return found;
      }
      CatalogRecord record = found.get();
      if (!step.test(record) || records.save(List.of(record)).isEmpty()) {
        return found;
      }
    }
    throw new BusyRecord(id);
  }
}
