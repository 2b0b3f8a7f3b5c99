package org.kitepkana.catalog.sync.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kitepkana.catalog.branch.application.BranchRepository;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.sync.domain.BatchResult;
import org.kitepkana.catalog.sync.domain.ItemResult;
import org.kitepkana.catalog.sync.domain.SyncItem;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.FieldError;

/**
 * Applies a branch's sync batch to the union catalogue: each valid item is attached to a record (by
 * its locator, else by ISBN-13, else by match key, else a new record), every record touched is
 * saved once with its events, and every item gets an answer. Invalid items are reported and never
 * cost their neighbours.
 */
public class SyncService {

  public static final int MAX_ITEMS = 1000;
  private static final int MAX_ATTEMPTS = 8;

  private final BranchRepository branches;
  private final RecordStore records;
  private final SyncBatchLog log;
  private final RecordMatching matching;

  public SyncService(
      BranchRepository branches, RecordStore records, SyncBatchLog log, RecordMatching matching) {
    this.branches = branches;
    this.records = records;
    this.log = log;
    this.matching = matching;
  }

  public SyncResult sync(
      Actor actor,
      BranchId branch,
      String batchId,
      String contentHash,
      List<SyncItemRequest> items) {
    if (!actor.mayManageBranch(branch.value())) {
      return new SyncResult.Forbidden(
          "only a coordinator or the librarian of " + branch.value() + " syncs its holdings");
    }
    if (branches.find(branch).isEmpty()) {
      return new SyncResult.UnknownBranch();
    }
    SyncBatchLog.Known known = log.begin(branch, batchId, contentHash);
    if (known instanceof SyncBatchLog.Finished finished) {
      return new SyncResult.Applied(finished.result(), true);
    }
    if (known instanceof SyncBatchLog.OtherContent) {
      return new SyncResult.BatchIdReused();
    }
    BatchResult result = BatchResult.of(branch.value(), batchId, apply(branch, items));
    log.finish(branch, batchId, contentHash, result);
    return new SyncResult.Applied(result, false);
  }

  private List<ItemResult> apply(BranchId branch, List<SyncItemRequest> raw) {
    ItemResult[] results = new ItemResult[raw.size()];
    List<SyncItem> valid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      var checked = SyncItemValidator.check(i, raw.get(i));
      if (checked.item() == null) {
        results[i] =
            ItemResult.rejected(
                i, raw.get(i) == null ? null : raw.get(i).itemId(), checked.errors());
      } else if (!seen.add(checked.item().itemId())) {
        results[i] =
            ItemResult.rejected(
                i,
                checked.item().itemId(),
                List.of(
                    new FieldError(
                        "items[" + i + "].itemId", "appears more than once in the batch")));
      } else {
        valid.add(checked.item());
      }
    }
    Map<String, RecordId> targets = matching.targets(branch, valid);
    applyWithRetries(branch, valid, targets, results);
    return List.of(results);
  }

  private void applyWithRetries(
      BranchId branch, List<SyncItem> items, Map<String, RecordId> targets, ItemResult[] results) {
    Set<RecordId> todo = new LinkedHashSet<>(targets.values());
    for (int attempt = 0; attempt < MAX_ATTEMPTS && !todo.isEmpty(); attempt++) {
      Map<RecordId, CatalogRecord> loaded = new LinkedHashMap<>(records.load(todo));
      Set<RecordId> current = todo;
      Set<SyncItem> pending =
          items.stream()
              .filter(i -> current.contains(targets.get(i.itemId())))
              .collect(Collectors.toCollection(LinkedHashSet::new));
      // Items of records merged away, or holdings a coordinator moved, go where they live now.
      matching.follow(branch, pending, targets, loaded);
      for (SyncItem item : items) {
        RecordId target = targets.get(item.itemId());
        if (target == null) {
          results[item.index()] = notHeld(item);
        } else if (pending.contains(item)) {
          results[item.index()] = applyItem(branch, item, target, loaded);
        }
      }
      List<CatalogRecord> changed =
          loaded.values().stream().filter(CatalogRecord::hasChanges).toList();
      todo = new LinkedHashSet<>(records.save(changed));
    }
    for (SyncItem item : items) {
      if (todo.contains(targets.get(item.itemId()))) {
        results[item.index()] =
            ItemResult.rejected(
                item.index(),
                item.itemId(),
                List.of(
                    new FieldError(
                        "items[" + item.index() + "]",
                        "record busy with other changes; send the item again")));
      }
    }
  }

  private static ItemResult applyItem(
      BranchId branch, SyncItem item, RecordId target, Map<RecordId, CatalogRecord> loaded) {
    CatalogRecord record = loaded.get(target);
    if (item instanceof SyncItem.Upsert u) {
      if (record == null) {
        record = CatalogRecord.create(target, u.description());
        loaded.put(target, record);
      } else {
        record.completeWith(u.description());
      }
      var outcome =
          record.upsertHolding(branch, u.itemId(), u.callNumber(), u.copies(), u.location());
      return outcome == CatalogRecord.Outcome.UNCHANGED
          ? ItemResult.unchanged(u.index(), u.itemId(), target.value())
          : ItemResult.applied(
              u.index(),
              u.itemId(),
              outcome == CatalogRecord.Outcome.ADDED ? "HOLDING_ADDED" : "HOLDING_CHANGED",
              target.value());
    }
    var outcome =
        record == null
            ? CatalogRecord.Outcome.NOT_HELD
            : record.withdrawHolding(branch, item.itemId());
    return switch (outcome) {
      case WITHDRAWN ->
          ItemResult.applied(item.index(), item.itemId(), "HOLDING_WITHDRAWN", target.value());
      case UNCHANGED -> ItemResult.unchanged(item.index(), item.itemId(), target.value());
      default -> notHeld(item);
    };
  }

  private static ItemResult notHeld(SyncItem item) {
    return ItemResult.rejected(
        item.index(),
        item.itemId(),
        List.of(new FieldError("items[" + item.index() + "].itemId", "not held by this branch")));
  }
}
