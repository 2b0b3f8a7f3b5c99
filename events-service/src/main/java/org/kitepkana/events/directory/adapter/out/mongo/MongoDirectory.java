package org.kitepkana.events.directory.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.events.directory.domain.KnownBranch;
import org.kitepkana.events.directory.domain.KnownPartner;
import org.kitepkana.events.directory.domain.KnownProject;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.PartnerId;
import org.kitepkana.events.shared.domain.ProjectId;

/**
 * The directory in three small collections keyed by the other service's id, so every lookup goes by
 * {@code _id}. An upsert is guarded by the version: a stale or repeated event either matches
 * nothing or collides with the stored id (duplicate key), and changes nothing.
 */
public final class MongoDirectory implements Directory {

  public static final String BRANCHES = "directory_branches";
  public static final String PARTNERS = "directory_partners";
  public static final String PROJECTS = "directory_projects";

  private final MongoCollection<Document> branches;
  private final MongoCollection<Document> partners;
  private final MongoCollection<Document> projects;

  public MongoDirectory(MongoDatabase database) {
    this.branches = database.getCollection(BRANCHES);
    this.partners = database.getCollection(PARTNERS);
    this.projects = database.getCollection(PROJECTS);
  }

  @Override
  public boolean apply(KnownBranch b) {
    return upsert(
        branches,
        b.id().value(),
        b.version(),
        Updates.combine(Updates.set("name", b.name()), Updates.set("type", b.type())));
  }

  @Override
  public boolean apply(KnownPartner p) {
    return upsert(
        partners,
        p.id().value(),
        p.version(),
        Updates.combine(
            Updates.set("name", p.name()),
            Updates.set("type", p.type()),
            Updates.set("active", p.active())));
  }

  @Override
  public boolean apply(KnownProject p) {
    return upsert(
        projects,
        p.id().value(),
        p.version(),
        Updates.combine(Updates.set("title", p.title()), Updates.set("status", p.status())));
  }

  private static boolean upsert(
      MongoCollection<Document> collection, String id, long version, Bson fields) {
    try {
      var result =
          collection.updateOne(
              and(eq("_id", id), or(exists("version", false), lt("version", version))),
              Updates.combine(fields, Updates.set("version", version)),
              new UpdateOptions().upsert(true));
      return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false; // a version at least as high is stored already
      }
      throw e;
    }
  }

  @Override
  public Optional<KnownBranch> branch(BranchId id) {
    return Optional.ofNullable(branches.find(eq("_id", id.value())).first())
        .map(MongoDirectory::toBranch);
  }

  @Override
  public Map<BranchId, KnownBranch> branches(Collection<BranchId> ids) {
    return byId(branches, ids.stream().map(BranchId::value).toList(), MongoDirectory::toBranch)
        .values()
        .stream()
        .collect(LinkedHashMap::new, (m, b) -> m.put(b.id(), b), (a, b) -> a.putAll(b));
  }

  @Override
  public List<KnownBranch> allBranches() {
    return all(branches, MongoDirectory::toBranch);
  }

  @Override
  public Map<PartnerId, KnownPartner> partners(Collection<PartnerId> ids) {
    return byId(partners, ids.stream().map(PartnerId::value).toList(), MongoDirectory::toPartner)
        .values()
        .stream()
        .collect(LinkedHashMap::new, (m, p) -> m.put(p.id(), p), (a, b) -> a.putAll(b));
  }

  @Override
  public List<KnownPartner> allPartners() {
    return all(partners, MongoDirectory::toPartner);
  }

  @Override
  public Optional<KnownProject> project(ProjectId id) {
    return Optional.ofNullable(projects.find(eq("_id", id.value())).first())
        .map(MongoDirectory::toProject);
  }

  @Override
  public List<KnownProject> allProjects() {
    return all(projects, MongoDirectory::toProject);
  }

  private static <T> Map<String, T> byId(
      MongoCollection<Document> collection, List<String> ids, Function<Document, T> map) {
    Map<String, T> found = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      collection.find(in("_id", ids)).forEach(d -> found.put(d.getString("_id"), map.apply(d)));
    }
    return found;
  }

  private static <T> List<T> all(MongoCollection<Document> collection, Function<Document, T> map) {
    List<T> all = new ArrayList<>();
    collection.find().sort(Sorts.ascending("_id")).forEach(d -> all.add(map.apply(d)));
    return all;
  }

  private static KnownBranch toBranch(Document d) {
    return new KnownBranch(
        new BranchId(d.getString("_id")),
        d.getString("name"),
        d.getString("type"),
        ((Number) d.get("version")).longValue());
  }

  private static KnownPartner toPartner(Document d) {
    return new KnownPartner(
        new PartnerId(d.getString("_id")),
        d.getString("name"),
        d.getString("type"),
        !Boolean.FALSE.equals(d.getBoolean("active")),
        ((Number) d.get("version")).longValue());
  }

  private static KnownProject toProject(Document d) {
    return new KnownProject(
        new ProjectId(d.getString("_id")),
        d.getString("title"),
        d.getString("status"),
        ((Number) d.get("version")).longValue());
  }
}
