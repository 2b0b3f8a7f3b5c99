package org.kitepkana.events.campaign.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.kitepkana.events.campaign.adapter.out.kafka.CampaignScheduleEvents;
import org.kitepkana.events.campaign.application.CampaignRepository;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.campaign.domain.CampaignChange;
import org.kitepkana.events.campaign.domain.CampaignDetails;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;
import org.kitepkana.events.shared.domain.LocalizedText;
import org.kitepkana.platform.outbox.Outbox;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.kitepkana.platform.outbox.OutboxWrites;

/** Campaigns in the {@value #COLLECTION} collection, each document with its own outbox. */
public final class MongoCampaignRepository implements CampaignRepository {

  public static final String COLLECTION = "campaigns";

  private final MongoCollection<Document> collection;
  private final CampaignScheduleEvents events;
  private final OutboxWrites writes;

  public MongoCampaignRepository(
      MongoDatabase database, CampaignScheduleEvents events, OutboxRelay relay) {
    this.collection = database.getCollection(COLLECTION);
    this.events = events;
    this.writes = new OutboxWrites(collection, relay);
  }

  @Override
  public boolean insert(Campaign campaign, CampaignChange change) {
    Document doc = new Document("_id", campaign.id().value());
    fields(campaign).forEach(doc::append);
    return writes.insert(doc, List.of(events.toEnvelope(change)));
  }

  @Override
  public boolean update(Campaign campaign, long expectedVersion, CampaignChange change) {
    return writes.update(
        campaign.id().value(),
        expectedVersion,
        OutboxWrites.setAllButId(fields(campaign)),
        new Document(),
        List.of(events.toEnvelope(change)));
  }

  @Override
  public Optional<Campaign> find(CampaignId id) {
    return Optional.ofNullable(
            collection
                .find(eq("_id", id.value()))
                .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
                .first())
        .map(MongoCampaignRepository::toCampaign);
  }

  @Override
  public List<Campaign> findAll() {
    List<Campaign> all = new ArrayList<>();
    collection
        .find()
        .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
        .sort(Sorts.ascending("start", "_id"))
        .forEach(d -> all.add(toCampaign(d)));
    return all;
  }

  private static Document fields(Campaign c) {
    LocalizedText t = c.details().title();
    return new Document("version", c.version())
        .append("title", new Document("ky", t.ky()).append("ru", t.ru()).append("en", t.en()))
        .append("theme", c.details().theme())
        .append("start", c.details().start().toString())
        .append("end", c.details().end().toString())
        .append("invited", ids(c.details().invited()))
        .append("confirmed", ids(c.confirmed()))
        .append("declined", ids(c.declined()))
        .append("updatedAt", Date.from(c.updatedAt()));
  }

  private static List<String> ids(Collection<BranchId> ids) {
    return ids.stream().map(BranchId::value).sorted().toList();
  }

  private static Set<BranchId> branches(Document d, String field) {
    return d.getList(field, String.class, List.of()).stream()
        .map(BranchId::new)
        .collect(Collectors.toSet());
  }

  private static Campaign toCampaign(Document d) {
    Document t = d.get("title", Document.class);
    return new Campaign(
        new CampaignId(d.getString("_id")),
        new CampaignDetails(
            new LocalizedText(t.getString("ky"), t.getString("ru"), t.getString("en")),
            d.getString("theme"),
            LocalDate.parse(d.getString("start")),
            LocalDate.parse(d.getString("end")),
            branches(d, "invited")),
        branches(d, "confirmed"),
        branches(d, "declined"),
        ((Number) d.get("version")).longValue(),
        d.getDate("updatedAt").toInstant());
  }
}
