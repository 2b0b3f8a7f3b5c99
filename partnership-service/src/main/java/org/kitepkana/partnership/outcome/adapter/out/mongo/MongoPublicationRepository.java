package org.kitepkana.partnership.outcome.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.partnership.outcome.application.PublicationRepository;
import org.kitepkana.partnership.outcome.domain.Publication;
import org.kitepkana.partnership.outcome.domain.PublicationDetails;
import org.kitepkana.partnership.outcome.domain.PublicationId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.domain.ProjectId;

/** Media publications in the {@value #COLLECTION} collection. */
public final class MongoPublicationRepository implements PublicationRepository {

  public static final String COLLECTION = "publications";

  private final MongoCollection<Document> collection;

  public MongoPublicationRepository(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public boolean insert(Publication publication) {
    try {
      collection.insertOne(toDocument(publication));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public boolean update(Publication publication, long expectedVersion) {
    Bson current = and(eq("_id", publication.id().value()), eq("version", expectedVersion));
    return collection
            .replaceOne(current, toDocument(publication), new ReplaceOptions())
            .getMatchedCount()
        > 0;
  }

  @Override
  public Optional<Publication> find(PublicationId id) {
    return Optional.ofNullable(collection.find(eq("_id", id.value())).first())
        .map(MongoPublicationRepository::toPublication);
  }

  @Override
  public List<Publication> all() {
    List<Publication> all = new ArrayList<>();
    collection.find().forEach(d -> all.add(toPublication(d)));
    return all;
  }

  @Override
  public List<Publication> aboutProject(String projectId) {
    List<Publication> found = new ArrayList<>();
    collection.find(eq("projectId", projectId)).forEach(d -> found.add(toPublication(d)));
    return found;
  }

  private static Document toDocument(Publication p) {
    PublicationDetails d = p.details();
    return new Document("_id", p.id().value())
        .append("outletPartnerId", d.outletPartnerId() == null ? null : d.outletPartnerId().value())
        .append("outletName", d.outletName())
        .append("publishedOn", d.publishedOn().toString())
        .append("title", d.title())
        .append("link", d.link() == null ? null : d.link().toString())
        .append("writtenByStaff", d.writtenByStaff())
        .append("projectId", d.projectId() == null ? null : d.projectId().value())
        .append("version", p.version())
        .append("recordedAt", Date.from(p.recordedAt()));
  }

  private static Publication toPublication(Document d) {
    String outlet = d.getString("outletPartnerId");
    String link = d.getString("link");
    String project = d.getString("projectId");
    return new Publication(
        new PublicationId(d.getString("_id")),
        new PublicationDetails(
            outlet == null ? null : new PartnerId(outlet),
            d.getString("outletName"),
            LocalDate.parse(d.getString("publishedOn")),
            d.getString("title"),
            link == null ? null : URI.create(link),
            d.getBoolean("writtenByStaff", false),
            project == null ? null : new ProjectId(project)),
        ((Number) d.get("version")).longValue(),
        d.getDate("recordedAt").toInstant());
  }
}
