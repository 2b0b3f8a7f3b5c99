package org.kitepkana.catalog.curation.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.curation.application.CurationOperations;
import org.kitepkana.catalog.curation.domain.CurationOperation;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * Curation operations in flight, one document each under the operation's id (so the unique {@code
 * _id} index refuses a second merge of one record, or a second move of one holding, while the first
 * is running). Finished operations are deleted, so the collection stays small and the sweep's scan
 * of it is cheap on the embedded store too.
 */
public final class MongoCurationOperations implements CurationOperations {

  public static final String COLLECTION = "curation_operations";

  private final MongoCollection<Document> operations;

  public MongoCurationOperations(MongoDatabase database) {
    this.operations = database.getCollection(COLLECTION);
  }

  @Override
  public boolean start(CurationOperation operation) {
    try {
      operations.insertOne(toDocument(operation));
      return true;
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void finish(CurationOperation operation) {
    operations.deleteOne(new Document("_id", operation.id()));
  }

  @Override
  public List<CurationOperation> startedBefore(Instant before) {
    List<CurationOperation> found = new ArrayList<>();
    operations
        .find(Filters.lt("startedAt", Date.from(before)))
        .sort(Sorts.ascending("startedAt"))
        .forEach(d -> found.add(fromDocument(d)));
    return found;
  }

  private static Document toDocument(CurationOperation op) {
    Document d =
        new Document("_id", op.id())
            .append("requestedBy", op.requestedBy())
            .append("startedAt", Date.from(op.startedAt()));
    if (op instanceof CurationOperation.Merge merge) {
      return d.append("kind", "MERGE")
          .append("merged", merge.merged().value())
          .append("survivor", merge.survivor().value());
    }
    CurationOperation.Move move = (CurationOperation.Move) op;
    return d.append("kind", "MOVE")
        .append("branchId", move.holding().branchId().value())
        .append("itemId", move.holding().itemId())
        .append("from", move.from().value())
        .append("to", move.to().value());
  }

  private static CurationOperation fromDocument(Document d) {
    Instant startedAt = d.getDate("startedAt").toInstant();
    if ("MERGE".equals(d.getString("kind"))) {
      return new CurationOperation.Merge(
          new RecordId(d.getString("merged")),
          new RecordId(d.getString("survivor")),
          d.getString("requestedBy"),
          startedAt);
    }
    return new CurationOperation.Move(
        new HoldingRef(new BranchId(d.getString("branchId")), d.getString("itemId")),
        new RecordId(d.getString("from")),
        new RecordId(d.getString("to")),
        d.getString("requestedBy"),
        startedAt);
  }
}
