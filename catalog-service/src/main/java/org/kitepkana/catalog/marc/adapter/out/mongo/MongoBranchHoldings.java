package org.kitepkana.catalog.marc.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.marc.application.BranchHoldings;
import org.kitepkana.catalog.record.adapter.out.mongo.MongoRecordStore;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * A branch's holdings from the record store's locators ({@code <branch>|<item>}, one {@code _id}
 * range, in item order), read with one cursor and their records loaded 500 at a time, so an export
 * neither pages with skip (which rescans) nor holds the branch in memory.
 */
public final class MongoBranchHoldings implements BranchHoldings {

  private static final int BATCH = 500;

  private final MongoCollection<Document> locators;
  private final RecordStore records;

  public MongoBranchHoldings(MongoDatabase database, RecordStore records) {
    this.locators = database.getCollection(MongoRecordStore.LOCATORS);
    this.records = records;
  }

  @Override
  public void forEach(BranchId branch, Consumer<RecordStore.HeldItem> each) {
    List<Document> batch = new ArrayList<>(BATCH);
    try (MongoCursor<Document> cursor =
        locators
            .find(and(gte("_id", branch.value() + "|"), lt("_id", branch.value() + "|\uffff")))
            .sort(Sorts.ascending("_id"))
            .batchSize(BATCH)
            .iterator()) {
      while (cursor.hasNext()) {
        batch.add(cursor.next());
        if (batch.size() == BATCH) {
          emit(branch, batch, each);
          batch.clear();
        }
      }
    }
    emit(branch, batch, each);
  }

  private void emit(BranchId branch, List<Document> located, Consumer<RecordStore.HeldItem> each) {
    if (located.isEmpty()) {
      return;
    }
    Map<RecordId, CatalogRecord> byId =
        records.load(
            located.stream().map(d -> new RecordId(d.getString("recordId"))).distinct().toList());
    for (Document d : located) {
      CatalogRecord record = byId.get(new RecordId(d.getString("recordId")));
      if (record != null) {
        record
            .holding(branch, d.getString("itemId"))
            .ifPresent(h -> each.accept(new RecordStore.HeldItem(h, record)));
      }
    }
  }
}
