package org.kitepkana.partnership.project.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.partnership.project.adapter.out.kafka.ProjectEvents;
import org.kitepkana.partnership.project.application.ProjectRepository;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectChange;
import org.kitepkana.partnership.project.domain.ProjectId;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.outbox.Outbox;
import org.kitepkana.platform.outbox.OutboxRelay;

/** Projects in the {@value #COLLECTION} collection, one document a project with its own outbox. */
public final class MongoProjectRepository implements ProjectRepository {

  public static final String COLLECTION = "projects";

  private final MongoCollection<Document> collection;
  private final ProjectEvents events;
  private final OutboxRelay relay;

  public MongoProjectRepository(MongoDatabase database, ProjectEvents events, OutboxRelay relay) {
    this.collection = database.getCollection(COLLECTION);
    this.events = events;
    this.relay = relay;
  }

  @Override
  public boolean insert(Project project, ProjectChange change) {
    List<EventEnvelope> pending = events.toEnvelope(change).stream().toList();
    Document doc =
        ProjectDocuments.toDocument(project).append(Outbox.PENDING, Outbox.initial(pending));
    try {
      collection.insertOne(doc);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    if (!pending.isEmpty()) {
      relay.wake(COLLECTION, project.id().value());
    }
    return true;
  }

  @Override
  public boolean update(Project project, long expectedVersion, ProjectChange change) {
    List<EventEnvelope> pending = events.toEnvelope(change).stream().toList();
    List<Bson> sets = new ArrayList<>();
    ProjectDocuments.toDocument(project)
        .forEach(
            (k, v) -> {
              if (!"_id".equals(k)) {
                sets.add(Updates.set(k, v));
              }
            });
    if (!pending.isEmpty()) {
      sets.add(Outbox.append(pending));
    }
    var result =
        collection.updateOne(
            and(eq("_id", project.id().value()), eq("version", expectedVersion)),
            Updates.combine(sets));
    if (result.getMatchedCount() == 0) {
      return false;
    }
    if (!pending.isEmpty()) {
      relay.wake(COLLECTION, project.id().value());
    }
    return true;
  }

  @Override
  public Optional<Project> find(ProjectId id) {
    return Optional.ofNullable(
            collection
                .find(eq("_id", id.value()))
                .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
                .first())
        .map(ProjectDocuments::toProject);
  }

  @Override
  public List<Project> all() {
    List<Project> all = new ArrayList<>();
    collection
        .find()
        .projection(Projections.exclude(Outbox.PENDING, Outbox.LEASE))
        .forEach(d -> all.add(ProjectDocuments.toProject(d)));
    return all;
  }
}
