package org.kitepkana.catalog.marc.application;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.sync.application.RecordMatching;
import org.kitepkana.catalog.sync.domain.SyncItem;

/**
 * Applies a chunk of imported holdings exactly as a sync batch is applied: the same matching
 * (locator, ISBN-13, match key, new record, with key claims through the store's unique index) and
 * the same aggregate, each touched record saved once with its events, records that lost a version
 * race reloaded and applied again. Upserts are idempotent, so applying a chunk twice changes
 * nothing the second time.
 */
public final class ChunkApplier {

  private static final int MAX_ATTEMPTS = 8;

  /** What became of one item. */
  public sealed interface Applied {}

  /**
   * The item's holding is on {@code recordId}.
   *
   * @param createdRecord this item started the record
   * @param changed the holding (or the record's description) changed
   */
  public record Done(RecordId recordId, boolean createdRecord, boolean changed)
      implements Applied {}

  /** The record kept losing version races with other writers; the item was not applied. */
  public record Busy(RecordId recordId) implements Applied {}

  /** Time spent, for the job's profile. */
  public record Timing(long matchNanos, long storeNanos) {}

  private final RecordStore records;
  private final RecordMatching matching;

  public ChunkApplier(RecordStore records, RecordMatching matching) {
    this.records = records;
    this.matching = matching;
  }

  /** Applies the upserts; fills {@code results} by item id and returns the time spent. */
  public Timing apply(BranchId branch, List<SyncItem.Upsert> items, Map<String, Applied> results) {
    long t0 = System.nanoTime();
    RecordMatching.Matched matched = matching.match(branch, List.copyOf(items));
    Map<String, RecordId> targets = matched.targets();
    long t1 = System.nanoTime();
    Set<RecordId> todo = new LinkedHashSet<>(targets.values());
    for (int attempt = 0; attempt < MAX_ATTEMPTS && !todo.isEmpty(); attempt++) {
      // Records the matching has just made up are not read back on the first attempt: none can
      // exist yet, and one another writer created meanwhile fails the insert and comes back here
      // as a conflict, loaded from the store on the next attempt.
      Set<RecordId> toLoad = todo;
      if (attempt == 0 && !matched.minted().isEmpty()) {
        toLoad = new LinkedHashSet<>(todo);
        toLoad.removeAll(matched.minted());
      }
      Map<RecordId, CatalogRecord> loaded = new LinkedHashMap<>(records.load(toLoad));
      Set<RecordId> current = todo;
      List<SyncItem.Upsert> pending =
          items.stream().filter(i -> current.contains(targets.get(i.itemId()))).toList();
      // Items of records merged away, or holdings a coordinator moved, go where they live now.
      matching.follow(branch, pending, targets, loaded);
      Map<String, Done> attemptResults = new HashMap<>();
      for (SyncItem.Upsert item : pending) {
        RecordId target = targets.get(item.itemId());
        if (target != null) {
          attemptResults.put(item.itemId(), applyItem(branch, item, target, loaded));
        }
      }
      List<CatalogRecord> changed =
          loaded.values().stream().filter(CatalogRecord::hasChanges).toList();
      Set<RecordId> conflicts = records.save(changed);
      attemptResults.forEach(
          (itemId, done) -> {
            if (!conflicts.contains(done.recordId())) {
              results.put(itemId, done);
            }
          });
      todo = new LinkedHashSet<>(conflicts);
    }
    for (SyncItem.Upsert item : items) {
      RecordId target = targets.get(item.itemId());
      if (todo.contains(target)) {
        results.put(item.itemId(), new Busy(target));
      }
    }
    return new Timing(t1 - t0, System.nanoTime() - t1);
  }

  private static Done applyItem(
      BranchId branch, SyncItem.Upsert item, RecordId target, Map<RecordId, CatalogRecord> loaded) {
    CatalogRecord record = loaded.get(target);
    boolean created = false;
    boolean described = false;
    if (record == null) {
      record = CatalogRecord.create(target, item.description());
      loaded.put(target, record);
      created = true;
    } else {
      Description before = record.description();
      record.completeWith(item.description());
      described = !before.equals(record.description());
    }
    CatalogRecord.Outcome outcome =
        record.upsertHolding(
            branch, item.itemId(), item.callNumber(), item.copies(), item.location());
    return new Done(
        target, created, created || described || outcome != CatalogRecord.Outcome.UNCHANGED);
  }
}
