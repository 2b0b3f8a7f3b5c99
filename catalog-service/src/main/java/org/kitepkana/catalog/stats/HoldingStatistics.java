package org.kitepkana.catalog.stats;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * A read model of the network's holdings, fed from {@code catalog.records.v1}: one entry per branch
 * item with its copies and status, counted per branch on request. Applying an event is an upsert
 * guarded by the holding's (moves, record version): a coordinator's move puts the holding on
 * another record, whose versions start anew, and counts one move more, so replays, duplicates and
 * events of the old record that arrive late (another partition) change nothing.
 */
public final class HoldingStatistics {

  public static final String COLLECTION = "stat_holdings";

  /** Counts for one branch. */
  public record BranchCounts(String branchId, long holdings, long copies, long withdrawn) {}

  private final MongoCollection<Document> entries;

  public HoldingStatistics(MongoDatabase database) {
    this.entries = database.getCollection(COLLECTION);
  }

  /** One holding's state as an event tells it; {@code copies} null when the event has none. */
  public record Change(
      String branchId,
      String itemId,
      String recordId,
      long recordVersion,
      int moves,
      Integer copies,
      String status) {
    String entryId() {
      return branchId + "|" + itemId;
    }
  }

  /**
   * Applies the changes as if one by one in the given order (an entry's changes in their order), in
   * few round trips: one read of which entries exist, one insert of the entries that do not (each
   * folded from its changes in the guard's own terms), and the guarded upsert of {@link #applyOne}
   * for each change of an entry that exists, or that another writer inserted meanwhile. An import
   * only makes new entries: two round trips per batch.
   */
  public void apply(List<Change> changes) {
    Map<String, List<Change>> byEntry = new LinkedHashMap<>();
    for (Change change : changes) {
      byEntry.computeIfAbsent(change.entryId(), id -> new ArrayList<>()).add(change);
    }
    Set<String> existing = new HashSet<>();
    entries
        .find(new Document("_id", new Document("$in", List.copyOf(byEntry.keySet()))))
        .projection(new Document("_id", 1))
        .forEach(d -> existing.add(d.getString("_id")));
    List<Document> inserts = new ArrayList<>();
    List<String> guarded = new ArrayList<>();
    byEntry.forEach(
        (id, entryChanges) -> {
          if (existing.contains(id)) {
            guarded.add(id);
          } else {
            inserts.add(folded(id, entryChanges));
          }
        });
    if (!inserts.isEmpty()) {
      try {
        entries.insertMany(inserts, new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        for (var error : e.getWriteErrors()) {
          if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
          // Inserted by another writer since the read: its changes go the guarded way.
          guarded.add(inserts.get(error.getIndex()).getString("_id"));
        }
      }
    }
    for (String id : guarded) {
      byEntry.get(id).forEach(this::applyOne);
    }
  }

  /**
   * The entry that applying {@code changes} in order to a missing entry makes: the first one
   * applies, each later one if it is not older than what is there (the guard of {@link #notNewer}
   * for an entry that has moves and a record version), copies kept when a change has none.
   */
  private static Document folded(String id, List<Change> changes) {
    Change state = null;
    Integer copies = null;
    for (Change c : changes) {
      boolean applies =
          state == null
              || state.moves() < c.moves()
              || (state.moves() == c.moves() && state.recordVersion() <= c.recordVersion());
      if (applies) {
        state = c;
        copies = c.copies() != null ? c.copies() : copies;
      }
    }
    Document entry =
        new Document("_id", id)
            .append("branchId", state.branchId())
            .append("recordId", state.recordId())
            .append("recordVersion", state.recordVersion())
            .append("moves", state.moves())
            .append("status", state.status());
    if (copies != null) {
      entry.append("copies", copies);
    }
    return entry;
  }

  /** One change as a guarded upsert, applied only over an entry holding nothing newer. */
  private void applyOne(Change change) {
    List<org.bson.conversions.Bson> sets = new ArrayList<>();
    sets.add(Updates.set("branchId", change.branchId()));
    sets.add(Updates.set("recordId", change.recordId()));
    sets.add(Updates.set("recordVersion", change.recordVersion()));
    sets.add(Updates.set("moves", change.moves()));
    sets.add(Updates.set("status", change.status()));
    if (change.copies() != null) {
      sets.add(Updates.set("copies", change.copies()));
    }
    try {
      // A flat filter on _id, through findOneAndUpdate: the embedded store stays on its index
      // (an update or bulk write with any condition besides _id scans; see VersionedWrites).
      entries.findOneAndUpdate(
          new Document("_id", change.entryId())
              .append("$or", notNewer(change.moves(), change.recordVersion())),
          Updates.combine(sets),
          new FindOneAndUpdateOptions().upsert(true).projection(new Document("_id", 1)));
    } catch (MongoServerException e) {
      // A newer version is stored already: the upsert's insert collided with it. Nothing to do.
      if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  /** Entries holding nothing newer than (moves, recordVersion); a missing moves counts as 0. */
  private static List<Document> notNewer(int moves, long recordVersion) {
    List<Document> or = new ArrayList<>();
    or.add(new Document("recordVersion", new Document("$exists", false)));
    or.add(new Document("moves", new Document("$lt", moves)));
    or.add(
        new Document("moves", moves).append("recordVersion", new Document("$lte", recordVersion)));
    if (moves > 0) {
      or.add(new Document("moves", new Document("$exists", false)));
    } else {
      or.add(
          new Document("moves", new Document("$exists", false))
              .append("recordVersion", new Document("$lte", recordVersion)));
    }
    return or;
  }

  public List<BranchCounts> perBranch() {
    List<BranchCounts> counts = new ArrayList<>();
    entries
        .aggregate(
            List.of(
                Aggregates.group(
                    "$branchId",
                    Accumulators.sum(
                        "holdings",
                        new Document(
                            "$cond",
                            List.of(new Document("$eq", List.of("$status", "AVAILABLE")), 1, 0))),
                    Accumulators.sum(
                        "copies",
                        new Document(
                            "$cond",
                            List.of(
                                new Document("$eq", List.of("$status", "AVAILABLE")),
                                "$copies",
                                0))),
                    Accumulators.sum(
                        "withdrawn",
                        new Document(
                            "$cond",
                            List.of(new Document("$eq", List.of("$status", "WITHDRAWN")), 1, 0)))),
                Aggregates.sort(Sorts.ascending("_id"))))
        .forEach(
            d ->
                counts.add(
                    new BranchCounts(
                        d.getString("_id"),
                        ((Number) d.get("holdings")).longValue(),
                        ((Number) d.get("copies")).longValue(),
                        ((Number) d.get("withdrawn")).longValue())));
    return counts;
  }
}
