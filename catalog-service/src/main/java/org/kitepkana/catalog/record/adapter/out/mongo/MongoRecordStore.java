package org.kitepkana.catalog.record.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.adapter.out.kafka.RecordEvents;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.platform.mongo.VersionedWrites;
import org.kitepkana.platform.outbox.Outbox;
import org.kitepkana.platform.outbox.OutboxRelay;

/**
 * Records in MongoDB. Every lookup on a hot path goes by {@code _id}, because the embedded store
 * ignores secondary indexes: records by id, {@value #KEYS} by match key, {@value #LOCATORS} by
 * "branch|item".
 */
public final class MongoRecordStore implements RecordStore {

  public static final String RECORDS = "records";
  public static final String KEYS = "record_keys";
  public static final String LOCATORS = "holding_locators";

  private final MongoCollection<Document> records;
  private final MongoCollection<Document> keys;
  private final MongoCollection<Document> locators;
  private final RecordEvents events;
  private final OutboxRelay relay;

  public MongoRecordStore(MongoDatabase database, RecordEvents events, OutboxRelay relay) {
    this.records = database.getCollection(RECORDS);
    this.keys = database.getCollection(KEYS);
    this.locators = database.getCollection(LOCATORS);
    this.events = events;
    this.relay = relay;
  }

  @Override
  public Map<String, RecordId> locate(BranchId branch, Collection<String> itemIds) {
    Map<String, RecordId> found = new HashMap<>();
    if (itemIds.isEmpty()) {
      return found;
    }
    List<String> ids = itemIds.stream().map(i -> locatorId(branch, i)).toList();
    locators
        .find(in("_id", ids))
        .forEach(d -> found.put(d.getString("itemId"), new RecordId(d.getString("recordId"))));
    return found;
  }

  @Override
  public void addLocators(BranchId branch, Map<String, RecordId> itemToRecord) {
    List<Document> docs = new ArrayList<>();
    itemToRecord.forEach(
        (item, record) ->
            docs.add(
                new Document("_id", locatorId(branch, item))
                    .append("branchId", branch.value())
                    .append("itemId", item)
                    .append("recordId", record.value())));
    insertIgnoringDuplicates(locators, docs);
  }

  @Override
  public void repointLocator(BranchId branch, String itemId, RecordId from, RecordId to) {
    String id = locatorId(branch, itemId);
    // A flat filter on _id keeps the embedded store on its index (see VersionedWrites).
    Document moved =
        locators.findOneAndUpdate(
            new Document("_id", id).append("recordId", from.value()),
            Updates.set("recordId", to.value()),
            new FindOneAndUpdateOptions().projection(Projections.include("_id")));
    if (moved == null) {
      insertIgnoringDuplicates(
          locators,
          List.of(
              new Document("_id", id)
                  .append("branchId", branch.value())
                  .append("itemId", itemId)
                  .append("recordId", to.value())));
    }
  }

  @Override
  public long repointKeys(RecordId from, RecordId to) {
    // Not on an index in the embedded store (a scan of record_keys), but a merge is rare.
    return keys.updateMany(
            new Document("recordId", from.value()), Updates.set("recordId", to.value()))
        .getModifiedCount();
  }

  @Override
  public void releaseKey(String key, RecordId owner) {
    keys.findOneAndDelete(new Document("_id", key).append("recordId", owner.value()));
  }

  @Override
  public Map<String, RecordId> lookupKeys(Collection<String> matchKeys) {
    Map<String, RecordId> found = new HashMap<>();
    if (matchKeys.isEmpty()) {
      return found;
    }
    keys.find(in("_id", List.copyOf(matchKeys)))
        .forEach(d -> found.put(d.getString("_id"), new RecordId(d.getString("recordId"))));
    return found;
  }

  @Override
  public Map<String, RecordId> claimKeys(Map<String, RecordId> proposed) {
    if (proposed.isEmpty()) {
      return Map.of();
    }
    List<Document> docs = new ArrayList<>();
    proposed.forEach(
        (key, id) -> docs.add(new Document("_id", key).append("recordId", id.value())));
    if (insertIgnoringDuplicates(keys, docs)) {
      return proposed;
    }
    // Some keys were taken meanwhile by another writer: the stored owner wins.
    Map<String, RecordId> owners = new LinkedHashMap<>(proposed);
    owners.putAll(lookupKeys(proposed.keySet()));
    return owners;
  }

  @Override
  public Map<RecordId, CatalogRecord> load(Collection<RecordId> ids) {
    Map<RecordId, CatalogRecord> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    records
        .find(in("_id", ids.stream().map(RecordId::value).toList()))
        .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
        .forEach(d -> found.put(new RecordId(d.getString("_id")), RecordDocuments.toRecord(d)));
    return found;
  }

  @Override
  public Set<RecordId> save(Collection<CatalogRecord> changed) {
    Set<RecordId> conflicts = new HashSet<>();
    List<Document> inserts = new ArrayList<>();
    for (CatalogRecord record : changed) {
      long version = record.nextVersion();
      List<Document> pending = Outbox.initial(events.toEnvelopes(record.changes(), version));
      if (record.isNew()) {
        inserts.add(RecordDocuments.toDocument(record, version).append(Outbox.PENDING, pending));
        continue;
      }
      List<Bson> sets = new ArrayList<>();
      RecordDocuments.toDocument(record, version)
          .forEach(
              (k, v) -> {
                if (!"_id".equals(k)) {
                  sets.add(Updates.set(k, v));
                }
              });
      if (!pending.isEmpty()) {
        sets.add(Updates.pushEach(Outbox.PENDING, pending));
      }
      // One conditional write per record, on the _id index (see VersionedWrites).
      if (!VersionedWrites.updateIfVersion(
          records, record.id().value(), record.version(), Updates.combine(sets))) {
        conflicts.add(record.id());
      }
    }
    conflicts.addAll(insertNew(inserts));
    List<String> saved =
        changed.stream()
            .map(r -> r.id())
            .filter(id -> !conflicts.contains(id))
            .map(RecordId::value)
            .toList();
    relay.wake(RECORDS, saved);
    return conflicts;
  }

  private Set<RecordId> insertNew(List<Document> inserts) {
    Set<RecordId> conflicts = new HashSet<>();
    if (inserts.isEmpty()) {
      return conflicts;
    }
    try {
      records.insertMany(inserts, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (var error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        conflicts.add(new RecordId(inserts.get(error.getIndex()).getString("_id")));
      }
    }
    return conflicts;
  }

  @Override
  public Optional<CatalogRecord> find(RecordId id) {
    return Optional.ofNullable(load(List.of(id)).get(id));
  }

  @Override
  public List<CatalogRecord> findByIsbn(Isbn isbn) {
    RecordId id = lookupKeys(List.of("isbn:" + isbn.value())).get("isbn:" + isbn.value());
    return id == null ? List.of() : findFollowingMerges(id).stream().toList();
  }

  @Override
  public List<HeldItem> branchHoldings(BranchId branch, int page, int size) {
    List<Document> located = new ArrayList<>();
    locators
        .find(branchRange(branch))
        .sort(Sorts.ascending("_id"))
        .skip(page * size)
        .limit(size)
        .forEach(located::add);
    Map<RecordId, CatalogRecord> byId =
        load(located.stream().map(d -> new RecordId(d.getString("recordId"))).distinct().toList());
    List<HeldItem> items = new ArrayList<>();
    for (Document d : located) {
      CatalogRecord record = byId.get(new RecordId(d.getString("recordId")));
      if (record != null) {
        record
            .holding(branch, d.getString("itemId"))
            .ifPresent(h -> items.add(new HeldItem(h, record)));
      }
    }
    return items;
  }

  @Override
  public long countBranchHoldings(BranchId branch) {
    return locators.countDocuments(branchRange(branch));
  }

  private static Bson branchRange(BranchId branch) {
    return and(gte("_id", branch.value() + "|"), lt("_id", branch.value() + "|\uffff"));
  }

  private static String locatorId(BranchId branch, String itemId) {
    return branch.value() + "|" + itemId;
  }

  /** Inserts what is new; returns true when nothing was there already. */
  private static boolean insertIgnoringDuplicates(
      MongoCollection<Document> coll, List<Document> docs) {
    if (docs.isEmpty()) {
      return true;
    }
    try {
      coll.insertMany(docs, new InsertManyOptions().ordered(false));
      return true;
    } catch (MongoBulkWriteException e) {
      for (var error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
      return false;
    }
  }
}
