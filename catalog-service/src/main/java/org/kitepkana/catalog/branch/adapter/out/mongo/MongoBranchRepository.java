package org.kitepkana.catalog.branch.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.kitepkana.catalog.branch.adapter.out.kafka.BranchEvents;
import org.kitepkana.catalog.branch.application.BranchRepository;
import org.kitepkana.catalog.branch.domain.Branch;
import org.kitepkana.catalog.branch.domain.BranchChange;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.branch.domain.BranchType;
import org.kitepkana.platform.outbox.Outbox;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.kitepkana.platform.outbox.OutboxWrites;

/** Branches in the {@value #COLLECTION} collection, each document with its own outbox. */
public final class MongoBranchRepository implements BranchRepository {

  public static final String COLLECTION = "branches";

  private final MongoCollection<Document> collection;
  private final BranchEvents events;
  private final OutboxWrites writes;

  public MongoBranchRepository(MongoDatabase database, BranchEvents events, OutboxRelay relay) {
    this.collection = database.getCollection(COLLECTION);
    this.events = events;
    this.writes = new OutboxWrites(collection, relay);
  }

  @Override
  public boolean insert(Branch branch, BranchChange change) {
    return writes.insert(toDocument(branch), List.of(events.toEnvelope(change)));
  }

  @Override
  public boolean update(Branch branch, long expectedVersion, BranchChange change) {
    return writes.update(toDocument(branch), expectedVersion, List.of(events.toEnvelope(change)));
  }

  @Override
  public Optional<Branch> find(BranchId id) {
    return Optional.ofNullable(collection.find(eq("_id", id.value())).first())
        .map(MongoBranchRepository::toBranch);
  }

  @Override
  public List<Branch> findAll() {
    List<Branch> all = new ArrayList<>();
    collection
        .find()
        .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
        .sort(Sorts.ascending("_id"))
        .forEach(d -> all.add(toBranch(d)));
    return all;
  }

  @Override
  public Set<BranchId> existing(Collection<BranchId> ids) {
    Set<BranchId> found = new HashSet<>();
    collection
        .find(in("_id", ids.stream().map(BranchId::value).toList()))
        .projection(Projections.include("_id"))
        .forEach(d -> found.add(new BranchId(d.getString("_id"))));
    return found;
  }

  private static Document toDocument(Branch b) {
    return new Document("_id", b.id().value())
        .append("name", b.name())
        .append("type", b.type().name())
        .append("parentId", b.parentId() == null ? null : b.parentId().value())
        .append("district", b.district())
        .append("address", b.address())
        .append("languages", b.languages())
        .append("version", b.version())
        .append("updatedAt", Date.from(b.updatedAt()));
  }

  private static Branch toBranch(Document d) {
    String parent = d.getString("parentId");
    return new Branch(
        new BranchId(d.getString("_id")),
        d.getString("name"),
        BranchType.valueOf(d.getString("type")),
        parent == null ? null : new BranchId(parent),
        d.getString("district"),
        d.getString("address"),
        d.getList("languages", String.class, List.of()),
        ((Number) d.get("version")).longValue(),
        d.getDate("updatedAt").toInstant());
  }
}
