package org.kitepkana.partnership.project.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.kitepkana.partnership.project.adapter.out.kafka.ProjectEvents;
import org.kitepkana.partnership.project.application.ProjectRepository;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectChange;
import org.kitepkana.partnership.project.domain.ProjectId;
import org.kitepkana.platform.outbox.Outbox;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.kitepkana.platform.outbox.OutboxWrites;

/** Projects in the {@value #COLLECTION} collection, one document a project with its own outbox. */
public final class MongoProjectRepository implements ProjectRepository {

  public static final String COLLECTION = "projects";

  private final MongoCollection<Document> collection;
  private final ProjectEvents events;
  private final OutboxWrites writes;

  public MongoProjectRepository(MongoDatabase database, ProjectEvents events, OutboxRelay relay) {
    this.collection = database.getCollection(COLLECTION);
    this.events = events;
    this.writes = new OutboxWrites(collection, relay);
  }

  @Override
  public boolean insert(Project project, ProjectChange change) {
    return writes.insert(
        ProjectDocuments.toDocument(project), events.toEnvelope(change).stream().toList());
  }

  @Override
  public boolean update(Project project, long expectedVersion, ProjectChange change) {
    return writes.update(
        ProjectDocuments.toDocument(project),
        expectedVersion,
        events.toEnvelope(change).stream().toList());
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
