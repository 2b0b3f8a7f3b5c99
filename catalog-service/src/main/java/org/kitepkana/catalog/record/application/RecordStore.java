package org.kitepkana.catalog.record.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Holding;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.record.domain.RecordState;

/**
 * Where union-catalogue records live, with the two indexes matching needs: holding locators (a
 * branch's item id to the record holding it) and match keys (ISBN-13 or title/author/year key to
 * record). All operations work on many ids at once, because sync batches carry up to 1,000 items.
 */
public interface RecordStore {

  /** Records that hold these items of the branch, by item id. */
  Map<String, RecordId> locate(BranchId branch, Collection<String> itemIds);

  /** Remembers where items live; an existing locator is kept. */
  void addLocators(BranchId branch, Map<String, RecordId> itemToRecord);

  /**
   * Points the item's locator at {@code to} if it still points at {@code from} (or is missing); a
   * locator that already points elsewhere is left alone.
   */
  void repointLocator(BranchId branch, String itemId, RecordId from, RecordId to);

  /** Every match key owned by {@code from} now belongs to {@code to}; returns how many moved. */
  long repointKeys(RecordId from, RecordId to);

  /** Gives up a match key, if {@code owner} still owns it. */
  void releaseKey(String key, RecordId owner);

  /** Records already known under these match keys. */
  Map<String, RecordId> lookupKeys(Collection<String> keys);

  /**
   * Claims keys for records: a key not yet taken goes to the proposed record; a taken key keeps its
   * record (a unique index decides, so two branches sending the same ISBN at once meet on one
   * record). Returns the record each key now belongs to.
   */
  Map<String, RecordId> claimKeys(Map<String, RecordId> proposed);

  Map<RecordId, CatalogRecord> load(Collection<RecordId> ids);

  /**
   * Saves records with their changes queued for publication, each in one document write,
   * conditional on the version it was loaded at. Returns the ids that lost to a concurrent writer
   * and must be loaded and applied again.
   */
  Set<RecordId> save(Collection<CatalogRecord> records);

  Optional<CatalogRecord> find(RecordId id);

  /**
   * The record, or for a record merged away the record it lives on now, following chains of merges
   * (A merged into B, B into C: A gives C).
   */
  default Optional<CatalogRecord> findFollowingMerges(RecordId id) {
    Optional<CatalogRecord> found = find(id);
    for (int hop = 0;
        hop < 32 && found.isPresent() && found.get().state() == RecordState.MERGED;
        hop++) {
      found = find(found.get().mergeTarget().orElseThrow());
    }
    return found;
  }

  /** The record with this ISBN, following merges. */
  List<CatalogRecord> findByIsbn(Isbn isbn);

  /** A page of a branch's holdings, ordered by item id, with their records. */
  List<HeldItem> branchHoldings(BranchId branch, int page, int size);

  long countBranchHoldings(BranchId branch);

  /** One branch holding and the record it belongs to. */
  record HeldItem(Holding holding, CatalogRecord record) {}
}
