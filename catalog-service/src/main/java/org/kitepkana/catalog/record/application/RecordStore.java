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

  List<CatalogRecord> findByIsbn(Isbn isbn);

  /** A page of a branch's holdings, ordered by item id, with their records. */
  List<HeldItem> branchHoldings(BranchId branch, int page, int size);

  long countBranchHoldings(BranchId branch);

  /** One branch holding and the record it belongs to. */
  record HeldItem(Holding holding, CatalogRecord record) {}
}
