package org.kitepkana.catalog.sync.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.sync.application.SyncBatchLog;
import org.kitepkana.catalog.sync.domain.BatchResult;
import tools.jackson.databind.json.JsonMapper;

/** Sync batches by "branch|batch id" in {@value #COLLECTION}, with their first answer. */
public final class MongoSyncBatchLog implements SyncBatchLog {

  public static final String COLLECTION = "sync_batches";

  private final MongoCollection<Document> batches;
  private final JsonMapper json;
  private final Clock clock;

  public MongoSyncBatchLog(MongoDatabase database, JsonMapper json, Clock clock) {
    this.batches = database.getCollection(COLLECTION);
    this.json = json;
    this.clock = clock;
  }

  @Override
  public Known begin(BranchId branch, String batchId, String contentHash) {
    String id = id(branch, batchId);
    try {
      batches.insertOne(
          new Document("_id", id)
              .append("hash", contentHash)
              .append("state", "STARTED")
              .append("startedAt", Date.from(clock.instant())));
      return new Unfinished();
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
    Document known = batches.find(eq("_id", id)).first();
    if (known == null) {
      return new Unfinished();
    }
    if (!contentHash.equals(known.getString("hash"))) {
      return new OtherContent();
    }
    if ("FINISHED".equals(known.getString("state"))) {
      return new Finished(json.readValue(known.getString("result"), BatchResult.class));
    }
    // Started before and never finished: applying again is safe, every item is idempotent.
    return new Unfinished();
  }

  @Override
  public void finish(BranchId branch, String batchId, String contentHash, BatchResult result) {
    batches.updateOne(
        eq("_id", id(branch, batchId)),
        Updates.combine(
            Updates.set("state", "FINISHED"),
            Updates.set("finishedAt", Date.from(clock.instant())),
            Updates.set("result", json.writeValueAsString(result))));
  }

  @Override
  public Optional<BatchResult> find(BranchId branch, String batchId) {
    Document known = batches.find(eq("_id", id(branch, batchId))).first();
    if (known == null || !"FINISHED".equals(known.getString("state"))) {
      return Optional.empty();
    }
    return Optional.of(json.readValue(known.getString("result"), BatchResult.class));
  }

  private static String id(BranchId branch, String batchId) {
    return branch.value() + "|" + batchId;
  }
}
