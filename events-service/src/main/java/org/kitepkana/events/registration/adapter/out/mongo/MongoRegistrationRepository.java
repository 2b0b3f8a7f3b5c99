package org.kitepkana.events.registration.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.registration.application.RegistrationRepository;
import org.kitepkana.events.registration.domain.Contact;
import org.kitepkana.events.registration.domain.ReaderName;
import org.kitepkana.events.registration.domain.Registration;
import org.kitepkana.events.registration.domain.RegistrationId;
import org.kitepkana.events.registration.domain.RegistrationStatus;
import org.kitepkana.platform.mongo.VersionedWrites;

/**
 * Registrations in their own collection {@value #COLLECTION}, which has no outbox and is never
 * published: readers' names and contacts stay here. Looked up by {@code _id}; the attendee list of
 * one event and an erasure by contact are scans, which the embedded store does anyway.
 */
public final class MongoRegistrationRepository implements RegistrationRepository {

  public static final String COLLECTION = "registrations";

  private final MongoCollection<Document> collection;

  public MongoRegistrationRepository(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public void insert(Registration r) {
    collection.insertOne(
        new Document("_id", r.id().value())
            .append("eventId", r.eventId().value())
            .append("name", r.name() == null ? null : r.name().value())
            .append("contactKind", r.contact() == null ? null : r.contact().kind().name())
            .append("contact", r.contact() == null ? null : r.contact().value())
            .append("contactKey", r.contact() == null ? null : r.contact().key())
            .append("status", r.status().name())
            .append("seq", r.seq())
            .append("tokenHash", r.tokenHash())
            .append("registeredAt", Date.from(r.registeredAt()))
            .append("erasedAt", r.erasedAt() == null ? null : Date.from(r.erasedAt())));
  }

  @Override
  public Optional<Registration> find(RegistrationId id) {
    return Optional.ofNullable(collection.find(eq("_id", id.value())).first())
        .map(MongoRegistrationRepository::toRegistration);
  }

  @Override
  public Map<RegistrationId, Registration> find(Collection<RegistrationId> ids) {
    Map<RegistrationId, Registration> found = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      collection
          .find(in("_id", ids.stream().map(RegistrationId::value).toList()))
          .forEach(d -> found.put(new RegistrationId(d.getString("_id")), toRegistration(d)));
    }
    return found;
  }

  @Override
  public List<Registration> byEvent(EventId event) {
    List<Registration> all = new ArrayList<>();
    collection
        .find(eq("eventId", event.value()))
        .sort(Sorts.ascending("seq", "_id"))
        .forEach(d -> all.add(toRegistration(d)));
    return all;
  }

  @Override
  public boolean changeStatus(
      RegistrationId id, RegistrationStatus from, RegistrationStatus to, Long seq) {
    Bson update =
        seq == null
            ? Updates.set("status", to.name())
            : Updates.combine(Updates.set("status", to.name()), Updates.set("seq", seq));
    return VersionedWrites.updateIf(
        collection, new Document("_id", id.value()).append("status", from.name()), update);
  }

  @Override
  public void delete(RegistrationId id) {
    collection.deleteOne(eq("_id", id.value()));
  }

  @Override
  public boolean erase(RegistrationId id, Instant now) {
    return VersionedWrites.updateIf(
            collection, new Document("_id", id.value()).append("erasedAt", null), blank(now))
        || collection.find(eq("_id", id.value())).first() != null;
  }

  @Override
  public long eraseContact(String contactKey, Instant now) {
    if (contactKey == null || contactKey.isBlank()) {
      return 0;
    }
    return collection.updateMany(eq("contactKey", contactKey), blank(now)).getModifiedCount();
  }

  private static Bson blank(Instant now) {
    return Updates.combine(
        Updates.set("name", null),
        Updates.set("contactKind", null),
        Updates.set("contact", null),
        Updates.set("contactKey", null),
        Updates.set("erasedAt", Date.from(now)));
  }

  private static Registration toRegistration(Document d) {
    String name = d.getString("name");
    String kind = d.getString("contactKind");
    Date erased = d.getDate("erasedAt");
    return new Registration(
        new RegistrationId(d.getString("_id")),
        new EventId(d.getString("eventId")),
        name == null ? null : new ReaderName(name),
        kind == null ? null : new Contact(Contact.Kind.valueOf(kind), d.getString("contact")),
        RegistrationStatus.valueOf(d.getString("status")),
        ((Number) d.get("seq")).longValue(),
        d.getString("tokenHash"),
        d.getDate("registeredAt").toInstant(),
        erased == null ? null : erased.toInstant());
  }
}
