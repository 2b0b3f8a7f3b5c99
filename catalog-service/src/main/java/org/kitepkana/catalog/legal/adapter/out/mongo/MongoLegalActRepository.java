package org.kitepkana.catalog.legal.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.catalog.legal.adapter.out.kafka.LegalActEvents;
import org.kitepkana.catalog.legal.application.LegalActRepository;
import org.kitepkana.catalog.legal.domain.LegalAct;
import org.kitepkana.catalog.legal.domain.LegalActChange;
import org.kitepkana.catalog.legal.domain.LegalActId;
import org.kitepkana.catalog.legal.domain.SearchableLegalAct;
import org.kitepkana.platform.mongo.VersionedWrites;
import org.kitepkana.platform.outbox.Outbox;
import org.kitepkana.platform.outbox.OutboxRelay;

/**
 * Acts in the {@value #COLLECTION} collection, each document with its own outbox. A unique index on
 * {@code naturalKey} (issuing body, number, year) decides between two registrations of one act; it
 * is a unique index, which both MongoDB and the embedded store enforce. Lookups go by {@code _id};
 * only a refused duplicate looks an act up by its natural key.
 */
public final class MongoLegalActRepository implements LegalActRepository {

  public static final String COLLECTION = "legal_acts";
  static final String NATURAL_KEY_INDEX = "naturalKey_unique";

  private final MongoCollection<Document> collection;
  private final LegalActEvents events;
  private final OutboxRelay relay;
  private volatile boolean indexed;

  public MongoLegalActRepository(MongoDatabase database, LegalActEvents events, OutboxRelay relay) {
    this.collection = database.getCollection(COLLECTION);
    this.events = events;
    this.relay = relay;
  }

  @Override
  public Saved insert(LegalAct act, LegalActChange change) {
    ensureIndex();
    Document doc =
        LegalActDocuments.toDocument(act)
            .append(Outbox.PENDING, Outbox.initial(List.of(events.toEnvelope(change))));
    try {
      collection.insertOne(doc);
    } catch (MongoServerException e) {
      if (isDuplicateKey(e)) {
        return duplicateOf(act);
      }
      throw e;
    }
    relay.wake(COLLECTION, act.id().value());
    return new Saved.Done();
  }

  @Override
  public Saved update(LegalAct act, long expectedVersion, LegalActChange change) {
    ensureIndex();
    List<Bson> sets = new ArrayList<>();
    LegalActDocuments.toDocument(act)
        .forEach(
            (k, v) -> {
              if (!"_id".equals(k)) {
                sets.add(Updates.set(k, v));
              }
            });
    sets.add(Outbox.append(List.of(events.toEnvelope(change))));
    boolean updated;
    try {
      updated =
          VersionedWrites.updateIfVersion(
              collection, act.id().value(), expectedVersion, Updates.combine(sets));
    } catch (MongoServerException e) {
      if (isDuplicateKey(e)) {
        return duplicateOf(act);
      }
      throw e;
    }
    if (!updated) {
      return new Saved.StaleVersion();
    }
    relay.wake(COLLECTION, act.id().value());
    return new Saved.Done();
  }

  @Override
  public Optional<LegalAct> find(LegalActId id) {
    return Optional.ofNullable(
            collection
                .find(eq("_id", id.value()))
                .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
                .first())
        .map(LegalActDocuments::toAct);
  }

  @Override
  public List<SearchableLegalAct> scan() {
    List<SearchableLegalAct> all = new ArrayList<>();
    collection
        .find()
        .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE, LegalActDocuments.TEXT))
        .forEach(d -> all.add(LegalActDocuments.toSearchable(d)));
    return all;
  }

  private Saved duplicateOf(LegalAct act) {
    String key = act.details().naturalKey();
    Document holder =
        collection
            .find(eq(LegalActDocuments.NATURAL_KEY, key))
            .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
            .first();
    if (holder != null && act.id().value().equals(holder.getString("_id"))) {
      holder = null;
    }
    return new Saved.DuplicateKey(Optional.ofNullable(holder).map(LegalActDocuments::toAct));
  }

  /** Created on first use, not at startup, so the service starts while MongoDB is still coming. */
  private void ensureIndex() {
    if (indexed) {
      return;
    }
    collection.createIndex(
        Indexes.ascending(LegalActDocuments.NATURAL_KEY),
        new IndexOptions().unique(true).name(NATURAL_KEY_INDEX));
    indexed = true;
  }

  private static boolean isDuplicateKey(MongoServerException e) {
    return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
  }
}
