package org.kitepkana.catalog.curation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.RecordChange;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * A {@link RecordStore} in memory with the same rules as the Mongo one: saves conditional on the
 * version, keys and locators claimed first-come. Remembers every change saved, in order, as the
 * topic would carry it.
 */
final class InMemoryRecordStore implements RecordStore {

  private final Map<RecordId, CatalogRecord> records = new LinkedHashMap<>();
  private final Map<String, RecordId> keys = new TreeMap<>();
  private final Map<String, RecordId> locators = new TreeMap<>();
  final List<RecordChange> published = new ArrayList<>();

  @Override
  public synchronized Map<String, RecordId> locate(BranchId branch, Collection<String> itemIds) {
    Map<String, RecordId> found = new LinkedHashMap<>();
    for (String item : itemIds) {
      RecordId id = locators.get(branch.value() + "|" + item);
      if (id != null) {
        found.put(item, id);
      }
    }
    return found;
  }

  @Override
  public synchronized void addLocators(BranchId branch, Map<String, RecordId> itemToRecord) {
    itemToRecord.forEach((item, id) -> locators.putIfAbsent(branch.value() + "|" + item, id));
  }

  @Override
  public synchronized void repointLocator(
      BranchId branch, String itemId, RecordId from, RecordId to) {
    String key = branch.value() + "|" + itemId;
    RecordId now = locators.get(key);
    if (now == null || now.equals(from)) {
      locators.put(key, to);
    }
  }

  @Override
  public synchronized long repointKeys(RecordId from, RecordId to) {
    long moved = 0;
    for (var e : keys.entrySet()) {
      if (e.getValue().equals(from)) {
        e.setValue(to);
        moved++;
      }
    }
    return moved;
  }

  @Override
  public synchronized void releaseKey(String key, RecordId owner) {
    keys.remove(key, owner);
  }

  @Override
  public synchronized Map<String, RecordId> lookupKeys(Collection<String> wanted) {
    Map<String, RecordId> found = new LinkedHashMap<>();
    wanted.forEach(
        k -> {
          if (keys.containsKey(k)) {
            found.put(k, keys.get(k));
          }
        });
    return found;
  }

  @Override
  public synchronized Map<String, RecordId> claimKeys(Map<String, RecordId> proposed) {
    Map<String, RecordId> owners = new LinkedHashMap<>();
    proposed.forEach((k, id) -> owners.put(k, keys.computeIfAbsent(k, x -> id)));
    return owners;
  }

  @Override
  public synchronized Map<RecordId, CatalogRecord> load(Collection<RecordId> ids) {
    Map<RecordId, CatalogRecord> found = new LinkedHashMap<>();
    ids.forEach(id -> copy(id).ifPresent(r -> found.put(id, r)));
    return found;
  }

  @Override
  public synchronized Set<RecordId> save(Collection<CatalogRecord> changed) {
    Set<RecordId> conflicts = new HashSet<>();
    for (CatalogRecord r : changed) {
      CatalogRecord stored = records.get(r.id());
      long storedVersion = stored == null ? 0 : stored.version();
      if (storedVersion != r.version()) {
        conflicts.add(r.id());
        continue;
      }
      records.put(
          r.id(),
          new CatalogRecord(
              r.id(), r.nextVersion(), r.description(), r.matchKey(), r.holdings(), r.curation()));
      published.addAll(r.changes());
    }
    return conflicts;
  }

  @Override
  public synchronized Optional<CatalogRecord> find(RecordId id) {
    return copy(id);
  }

  @Override
  public synchronized List<CatalogRecord> findByIsbn(Isbn isbn) {
    RecordId id = keys.get("isbn:" + isbn.value());
    return id == null ? List.of() : findFollowingMerges(id).stream().toList();
  }

  @Override
  public List<HeldItem> branchHoldings(BranchId branch, int page, int size) {
    throw new UnsupportedOperationException("not needed by curation");
  }

  @Override
  public long countBranchHoldings(BranchId branch) {
    throw new UnsupportedOperationException("not needed by curation");
  }

  synchronized RecordId locator(BranchId branch, String itemId) {
    return locators.get(branch.value() + "|" + itemId);
  }

  synchronized RecordId keyOwner(String key) {
    return keys.get(key);
  }

  private Optional<CatalogRecord> copy(RecordId id) {
    CatalogRecord r = records.get(id);
    return r == null
        ? Optional.empty()
        : Optional.of(
            new CatalogRecord(
                r.id(), r.version(), r.description(), r.matchKey(), r.holdings(), r.curation()));
  }
}
