package org.kitepkana.partnership.library.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

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
import org.bson.Document;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.library.domain.Library;
import org.kitepkana.partnership.library.domain.LibraryId;

/**
 * The branch directory read model in the {@value #COLLECTION} collection, one document a branch.
 */
public final class MongoLibraryDirectory implements LibraryDirectory {

  public static final String COLLECTION = "libraries";

  private final MongoCollection<Document> collection;

  public MongoLibraryDirectory(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public boolean apply(Library library) {
    try {
      var result =
          collection.updateOne(
              and(eq("_id", library.id().value()), lt("version", library.version())),
              Updates.combine(
                  Updates.set("name", library.name()),
                  Updates.set("type", library.type()),
                  Updates.set("parentId", library.parentId()),
                  Updates.set("district", library.district()),
                  Updates.set("version", library.version())),
              new UpdateOptions().upsert(true));
      return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
    } catch (MongoWriteException e) {
      // The same or a newer version is stored: the upsert's insert collided with it.
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<Library> find(LibraryId id) {
    return Optional.ofNullable(collection.find(eq("_id", id.value())).first())
        .map(MongoLibraryDirectory::toLibrary);
  }

  @Override
  public Map<LibraryId, Library> findAll(Collection<LibraryId> ids) {
    Map<LibraryId, Library> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    collection
        .find(in("_id", ids.stream().map(LibraryId::value).distinct().toList()))
        .forEach(d -> found.put(new LibraryId(d.getString("_id")), toLibrary(d)));
    return found;
  }

  @Override
  public List<Library> all() {
    List<Library> all = new ArrayList<>();
    collection.find().sort(Sorts.ascending("_id")).forEach(d -> all.add(toLibrary(d)));
    return all;
  }

  private static Library toLibrary(Document d) {
    return new Library(
        new LibraryId(d.getString("_id")),
        d.getString("name"),
        d.getString("type"),
        d.getString("parentId"),
        d.getString("district"),
        ((Number) d.get("version")).longValue());
  }
}
