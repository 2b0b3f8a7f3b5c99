package org.kitepkana.partnership.partner.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.adapter.out.kafka.PartnerEvents;
import org.kitepkana.partnership.partner.application.PartnerRepository;
import org.kitepkana.partnership.partner.domain.Agreement;
import org.kitepkana.partnership.partner.domain.AgreementId;
import org.kitepkana.partnership.partner.domain.AgreementTerms;
import org.kitepkana.partnership.partner.domain.Contact;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerChange;
import org.kitepkana.partnership.partner.domain.PartnerDetails;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.partner.domain.PartnerType;
import org.kitepkana.platform.outbox.Outbox;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.kitepkana.platform.outbox.OutboxWrites;

/**
 * Partners in the {@value #COLLECTION} collection, one document a partner with its contacts, its
 * agreements and its own outbox.
 */
public final class MongoPartnerRepository implements PartnerRepository {

  public static final String COLLECTION = "partners";

  private final MongoCollection<Document> collection;
  private final PartnerEvents events;
  private final OutboxWrites writes;

  public MongoPartnerRepository(MongoDatabase database, PartnerEvents events, OutboxRelay relay) {
    this.collection = database.getCollection(COLLECTION);
    this.events = events;
    this.writes = new OutboxWrites(collection, relay);
  }

  @Override
  public boolean insert(Partner partner, List<PartnerChange> changes) {
    return writes.insert(toDocument(partner), events.toEnvelopes(changes));
  }

  @Override
  public boolean update(Partner partner, long expectedVersion, List<PartnerChange> changes) {
    return writes.update(toDocument(partner), expectedVersion, events.toEnvelopes(changes));
  }

  @Override
  public Optional<Partner> find(PartnerId id) {
    return Optional.ofNullable(
            collection
                .find(eq("_id", id.value()))
                .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
                .first())
        .map(MongoPartnerRepository::toPartner);
  }

  @Override
  public Map<PartnerId, Partner> findAll(Collection<PartnerId> ids) {
    Map<PartnerId, Partner> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    collection
        .find(in("_id", ids.stream().map(PartnerId::value).distinct().toList()))
        .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
        .forEach(
            d -> {
              Partner p = toPartner(d);
              found.put(p.id(), p);
            });
    return found;
  }

  @Override
  public List<Partner> all() {
    List<Partner> all = new ArrayList<>();
    collection
        .find()
        .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
        .forEach(d -> all.add(toPartner(d)));
    return all;
  }

  static Document toDocument(Partner p) {
    PartnerDetails d = p.details();
    return new Document("_id", p.id().value())
        .append("name", d.name())
        .append("type", d.type().name())
        .append("district", d.district())
        .append("active", d.active())
        .append(
            "contacts",
            d.contacts().stream()
                .map(
                    c ->
                        new Document("name", c.name())
                            .append("position", c.position())
                            .append("phone", c.phone())
                            .append("email", c.email()))
                .toList())
        .append(
            "agreements",
            p.agreements().stream().map(MongoPartnerRepository::agreementDocument).toList())
        .append("version", p.version())
        .append("createdAt", Date.from(p.createdAt()))
        .append("updatedAt", Date.from(p.updatedAt()));
  }

  private static Document agreementDocument(Agreement a) {
    AgreementTerms t = a.terms();
    return new Document("_id", a.id().value())
        .append("number", t.number())
        .append("signedOn", date(t.signedOn()))
        .append("validFrom", date(t.validFrom()))
        .append("validUntil", date(t.validUntil()))
        .append("scope", t.scope())
        .append("libraryIds", t.libraryIds().stream().map(LibraryId::value).toList());
  }

  static Partner toPartner(Document d) {
    List<Contact> contacts =
        d.getList("contacts", Document.class, List.of()).stream()
            .map(
                c ->
                    new Contact(
                        c.getString("name"),
                        c.getString("position"),
                        c.getString("phone"),
                        c.getString("email")))
            .toList();
    List<Agreement> agreements =
        d.getList("agreements", Document.class, List.of()).stream()
            .map(
                a ->
                    new Agreement(
                        new AgreementId(a.getString("_id")),
                        new AgreementTerms(
                            a.getString("number"),
                            localDate(a.getString("signedOn")),
                            localDate(a.getString("validFrom")),
                            localDate(a.getString("validUntil")),
                            a.getString("scope"),
                            a.getList("libraryIds", String.class, List.of()).stream()
                                .map(LibraryId::new)
                                .toList())))
            .toList();
    return new Partner(
        new PartnerId(d.getString("_id")),
        new PartnerDetails(
            d.getString("name"),
            PartnerType.valueOf(d.getString("type")),
            d.getString("district"),
            contacts,
            d.getBoolean("active", true)),
        agreements,
        ((Number) d.get("version")).longValue(),
        d.getDate("createdAt").toInstant(),
        d.getDate("updatedAt").toInstant());
  }

  /** Dates are stored as ISO strings: exact, sortable, and free of time-zone shifts. */
  private static String date(LocalDate day) {
    return day == null ? null : day.toString();
  }

  private static LocalDate localDate(String text) {
    return text == null ? null : LocalDate.parse(text);
  }
}
