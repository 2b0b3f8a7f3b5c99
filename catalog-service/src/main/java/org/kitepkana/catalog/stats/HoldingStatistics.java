package org.kitepkana.catalog.stats;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
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

  public void apply(
      String branchId,
      String itemId,
      String recordId,
      long recordVersion,
      int moves,
      Integer copies,
      String status) {
    List<org.bson.conversions.Bson> sets = new ArrayList<>();
    sets.add(Updates.set("branchId", branchId));
    sets.add(Updates.set("recordId", recordId));
    sets.add(Updates.set("recordVersion", recordVersion));
    sets.add(Updates.set("moves", moves));
    sets.add(Updates.set("status", status));
    if (copies != null) {
      sets.add(Updates.set("copies", copies));
    }
    try {
      // A flat filter on _id keeps the embedded store on its index (see VersionedWrites).
      entries.findOneAndUpdate(
          new Document("_id", branchId + "|" + itemId)
              .append("$or", notNewer(moves, recordVersion)),
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
