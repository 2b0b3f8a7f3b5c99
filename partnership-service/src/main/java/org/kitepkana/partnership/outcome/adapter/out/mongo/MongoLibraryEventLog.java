package org.kitepkana.partnership.outcome.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.kitepkana.partnership.outcome.application.LibraryEventLog;
import org.kitepkana.partnership.outcome.domain.LibraryEventState;

/**
 * The latest state of each library event in the {@value #COLLECTION} collection, {@code _id} =
 * event id. A state replaces the stored one only when its version is higher: one conditional
 * upsert, so replays and duplicates change nothing.
 */
public final class MongoLibraryEventLog implements LibraryEventLog {

  public static final String COLLECTION = "library_events";

  private final MongoCollection<Document> collection;

  public MongoLibraryEventLog(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public boolean apply(LibraryEventState s) {
    try {
      var result =
          collection.updateOne(
              and(eq("_id", s.eventId()), lt("version", s.version())),
              Updates.combine(
                  Updates.set("version", s.version()),
                  Updates.set("status", s.status()),
                  Updates.set("projectId", s.projectId()),
                  Updates.set("branchId", s.branchId()),
                  Updates.set("title", s.title()),
                  Updates.set("start", s.start()),
                  Updates.set("attendance", s.attendance()),
                  Updates.set("walkIns", s.walkIns())),
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
  public List<LibraryEventState> forProject(String projectId) {
    List<LibraryEventState> found = new ArrayList<>();
    collection
        .find(eq("projectId", projectId))
        .forEach(
            d ->
                found.add(
                    new LibraryEventState(
                        d.getString("_id"),
                        ((Number) d.get("version")).longValue(),
                        d.getString("status"),
                        d.getString("projectId"),
                        d.getString("branchId"),
                        d.getString("title"),
                        d.getString("start"),
                        d.getInteger("attendance"),
                        d.getInteger("walkIns"))));
    return found;
  }
}
