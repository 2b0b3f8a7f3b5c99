package org.kitepkana.catalog.sync.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.sync.domain.SyncItem;

/**
 * Decides which union-catalogue record each item of a batch belongs to: the record that already
 * holds it, else the record with the same ISBN-13, else the one with the same match key (for an
 * item with an ISBN, only a record without one or with the same), else a new record. New keys are
 * claimed through the store's unique index, so two branches sending the same book at the same
 * moment meet on one record.
 */
public class RecordMatching {

  private final RecordStore records;
  private final Clock clock;

  public RecordMatching(RecordStore records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  /**
   * The outcome of matching a batch.
   *
   * @param targets the target record per item id; items with no target are withdrawals of unknown
   *     items
   * @param minted the targets that are ids this matching just made up (and whose keys it claimed):
   *     no record can exist under them yet unless another writer, having read a claimed key,
   *     creates it first, which the caller's insert then meets as a duplicate key
   */
  public record Matched(Map<String, RecordId> targets, Set<RecordId> minted) {}

  /** The target record per item id; items with no target are withdrawals of unknown items. */
  public Map<String, RecordId> targets(BranchId branch, List<SyncItem> items) {
    return match(branch, items).targets();
  }

  /** {@link #targets}, also telling which targets are records that cannot exist yet. */
  public Matched match(BranchId branch, List<SyncItem> items) {
    Map<String, RecordId> targets =
        new HashMap<>(records.locate(branch, items.stream().map(SyncItem::itemId).toList()));
    List<SyncItem.Upsert> unplaced = new ArrayList<>();
    for (SyncItem item : items) {
      if (item instanceof SyncItem.Upsert u && !targets.containsKey(u.itemId())) {
        unplaced.add(u);
      }
    }
    if (unplaced.isEmpty()) {
      return new Matched(targets, Set.of());
    }
    // A match key takes text folding and phonetic reduction: worked out once per item here.
    Map<SyncItem.Upsert, List<String>> itemKeys = new IdentityHashMap<>();
    Set<String> allKeys = new LinkedHashSet<>();
    for (SyncItem.Upsert u : unplaced) {
      List<String> keys = keys(u.description());
      itemKeys.put(u, keys);
      allKeys.addAll(keys);
    }
    Map<String, RecordId> known = records.lookupKeys(allKeys);
    Map<RecordId, Isbn> isbns = isbnsOfCandidates(unplaced, itemKeys, known);
    Map<String, RecordId> proposed = new LinkedHashMap<>();
    Set<RecordId> madeUp = new HashSet<>();
    for (SyncItem.Upsert u : unplaced) {
      List<String> keys = itemKeys.get(u);
      Isbn isbn = u.description().isbn();
      RecordId id = firstOf(keys, known, isbn, isbns);
      if (id == null) {
        id = firstOf(keys, proposed, isbn, isbns);
      }
      if (id == null) {
        id = RecordId.newId(clock.instant());
        madeUp.add(id);
      }
      if (isbn != null) {
        isbns.putIfAbsent(id, isbn);
      }
      for (String key : keys) {
        if (!known.containsKey(key)) {
          proposed.putIfAbsent(key, id);
        }
      }
    }
    Map<String, RecordId> owners = new HashMap<>(known);
    owners.putAll(records.claimKeys(proposed));
    Map<String, RecordId> newLocators = new LinkedHashMap<>();
    Set<RecordId> minted = new HashSet<>();
    for (SyncItem.Upsert u : unplaced) {
      RecordId id = firstOf(itemKeys.get(u), owners);
      targets.put(u.itemId(), id);
      newLocators.put(u.itemId(), id);
      if (madeUp.contains(id)) {
        minted.add(id);
      }
    }
    records.addLocators(branch, newLocators);
    return new Matched(targets, minted);
  }

  /**
   * Sends items on to where they live now, after their target records were loaded: an item whose
   * record was merged away goes to the survivor (following chains), one whose holding a coordinator
   * moved goes to the record it was moved to, a new item for a record being merged goes to the
   * survivor. Updates {@code targets} and the items' locators, loads the new targets into {@code
   * loaded}, and returns them.
   */
  public Set<RecordId> follow(
      BranchId branch,
      Collection<? extends SyncItem> items,
      Map<String, RecordId> targets,
      Map<RecordId, CatalogRecord> loaded) {
    Set<RecordId> added = new HashSet<>();
    Map<String, RecordId> original = new HashMap<>();
    List<SyncItem> moving = new ArrayList<>(items);
    for (int hop = 0; hop < MAX_HOPS && !moving.isEmpty(); hop++) {
      List<SyncItem> next = new ArrayList<>();
      Set<RecordId> toLoad = new LinkedHashSet<>();
      for (SyncItem item : moving) {
        RecordId target = targets.get(item.itemId());
        CatalogRecord record = target == null ? null : loaded.get(target);
        RecordId elsewhere =
            record == null ? null : record.redirectFor(branch, item.itemId()).orElse(null);
        if (elsewhere != null) {
          original.putIfAbsent(item.itemId(), target);
          targets.put(item.itemId(), elsewhere);
          added.add(elsewhere);
          next.add(item);
          if (!loaded.containsKey(elsewhere)) {
            toLoad.add(elsewhere);
          }
        }
      }
      loaded.putAll(records.load(toLoad));
      moving = next;
    }
    original.forEach((item, from) -> records.repointLocator(branch, item, from, targets.get(item)));
    return added;
  }

  private static final int MAX_HOPS = 16;

  private static final String MATCH_KEY = "mk:";

  /**
   * The match keys of a description, strongest first: its ISBN's when it has one, then always its
   * work's match key ({@link #workKeyOf}).
   */
  static List<String> keys(Description d) {
    List<String> keys = new ArrayList<>(2);
    if (d.isbn() != null) {
      keys.add(isbnKey(d.isbn()));
    }
    keys.add(MATCH_KEY + d.matchKey().value());
    return keys;
  }

  private static String isbnKey(Isbn isbn) {
    return "isbn:" + isbn.value();
  }

  /** The work's match key among {@link #keys}, without building it again. */
  private static String workKeyOf(List<String> keys) {
    return keys.get(keys.size() - 1);
  }

  /**
   * The ISBNs of the records that items with an ISBN of their own would join by match key alone: a
   * match key names a work, title, author and year, and one such work comes in several editions.
   */
  private Map<RecordId, Isbn> isbnsOfCandidates(
      List<SyncItem.Upsert> items,
      Map<SyncItem.Upsert, List<String>> itemKeys,
      Map<String, RecordId> known) {
    Set<RecordId> candidates = new LinkedHashSet<>();
    for (SyncItem.Upsert u : items) {
      Isbn isbn = u.description().isbn();
      if (isbn != null && !known.containsKey(isbnKey(isbn))) {
        RecordId byMatchKey = known.get(workKeyOf(itemKeys.get(u)));
        if (byMatchKey != null) {
          candidates.add(byMatchKey);
        }
      }
    }
    Map<RecordId, Isbn> isbns = new HashMap<>();
    records
        .load(candidates)
        .forEach(
            (id, record) -> {
              if (record.description().isbn() != null) {
                isbns.put(id, record.description().isbn());
              }
            });
    return isbns;
  }

  /**
   * The owner of the item's first key that has one, except that an item with an ISBN does not join
   * a record of another ISBN by match key: two ISBNs are two editions (or volumes) of the work.
   */
  private static RecordId firstOf(
      List<String> keys, Map<String, RecordId> owners, Isbn isbn, Map<RecordId, Isbn> isbns) {
    for (String key : keys) {
      RecordId id = owners.get(key);
      if (id == null) {
        continue;
      }
      Isbn theirs = isbns.get(id);
      if (isbn == null || !key.startsWith(MATCH_KEY) || theirs == null || theirs.equals(isbn)) {
        return id;
      }
    }
    return null;
  }

  private static RecordId firstOf(List<String> keys, Map<String, RecordId> owners) {
    for (String key : keys) {
      RecordId id = owners.get(key);
      if (id != null) {
        return id;
      }
    }
    return null;
  }
}
