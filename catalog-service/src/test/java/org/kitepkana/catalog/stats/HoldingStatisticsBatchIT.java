package org.kitepkana.catalog.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.stats.HoldingStatistics.Change;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;

/**
 * {@link HoldingStatistics#apply(List)} on the embedded store: a batch ends exactly where applying
 * its changes one at a time ends, whether the entries are new (one insert), stored already (guarded
 * upserts) or both, with several changes of one holding in one batch, in and out of version order.
 */
class HoldingStatisticsBatchIT {

  private MongoClient client;
  private MongoDatabase batched;
  private MongoDatabase single;

  @BeforeEach
  void databases() {
    EmbeddedInfrastructure.start();
    client = MongoClients.create(EmbeddedInfrastructure.mongoUri("admin"));
    batched = client.getDatabase("stats_batched_" + System.nanoTime());
    single = client.getDatabase("stats_single_" + System.nanoTime());
  }

  @AfterEach
  void close() {
    batched.drop();
    single.drop();
    client.close();
  }

  @Test
  void aBatchEndsWhereApplyingItsChangesOneByOneEnds() {
    List<Change> before =
        List.of(
            change("stored-newer", "r1", 5, 0, 2, "AVAILABLE"),
            change("stored-older", "r1", 1, 0, 1, "AVAILABLE"),
            change("moved-away", "r1", 3, 0, 4, "AVAILABLE"));
    List<Change> batch =
        List.of(
            // new entries, several changes each, out of order too
            change("new-a", "r2", 1, 0, 3, "AVAILABLE"),
            change("new-a", "r2", 2, 0, null, "WITHDRAWN"),
            change("new-b", "r2", 4, 0, 7, "AVAILABLE"),
            change("new-b", "r2", 2, 0, 9, "AVAILABLE"),
            change("new-c", "r2", 1, 0, null, "AVAILABLE"),
            change("new-c", "r2", 1, 0, 6, "AVAILABLE"),
            // stored entries: an older change changes nothing, a newer one wins
            change("stored-newer", "r1", 4, 0, 8, "WITHDRAWN"),
            change("stored-older", "r1", 2, 0, null, "WITHDRAWN"),
            change("stored-older", "r1", 3, 0, 5, "AVAILABLE"),
            // a coordinator's move: the record's versions start anew under one move more
            change("moved-away", "r3", 1, 1, 4, "AVAILABLE"),
            change("moved-away", "r1", 4, 0, 9, "AVAILABLE"));

    HoldingStatistics inBatches = new HoldingStatistics(batched);
    HoldingStatistics oneByOne = new HoldingStatistics(single);
    inBatches.apply(before);
    before.forEach(c -> oneByOne.apply(List.of(c)));
    inBatches.apply(batch);
    batch.forEach(c -> oneByOne.apply(List.of(c)));

    assertThat(entries(batched)).isEqualTo(entries(single)).hasSize(6);
    Document newA = entry(batched, "new-a");
    assertThat(newA.getString("status")).isEqualTo("WITHDRAWN");
    assertThat(newA.getInteger("copies")).isEqualTo(3);
    assertThat(entry(batched, "new-b").getInteger("copies")).isEqualTo(7);
    assertThat(entry(batched, "new-c").getInteger("copies")).isEqualTo(6);
    assertThat(entry(batched, "stored-newer").getLong("recordVersion")).isEqualTo(5L);
    assertThat(entry(batched, "stored-older").getInteger("copies")).isEqualTo(5);
    assertThat(entry(batched, "moved-away").getString("recordId")).isEqualTo("r3");
    assertThat(entry(batched, "moved-away").getInteger("moves")).isEqualTo(1);
  }

  @Test
  void theSameBatchAppliedAgainChangesNothing() {
    HoldingStatistics statistics = new HoldingStatistics(batched);
    List<Change> batch = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      batch.add(change("item-" + i, "r" + i, 1, 0, 1 + i % 4, "AVAILABLE"));
    }
    statistics.apply(batch);
    List<Document> once = entries(batched);
    statistics.apply(batch);

    assertThat(entries(batched)).isEqualTo(once).hasSize(300);
    assertThat(statistics.perBranch())
        .containsExactly(new HoldingStatistics.BranchCounts("kochkor", 300, 750, 0));
  }

  private static Change change(
      String item, String recordId, long version, int moves, Integer copies, String status) {
    return new Change("kochkor", item, recordId, version, moves, copies, status);
  }

  private static List<Document> entries(MongoDatabase database) {
    List<Document> all = new ArrayList<>();
    database
        .getCollection(HoldingStatistics.COLLECTION)
        .find()
        .sort(new Document("_id", 1))
        .forEach(all::add);
    return all;
  }

  private static Document entry(MongoDatabase database, String item) {
    return database
        .getCollection(HoldingStatistics.COLLECTION)
        .find(new Document("_id", "kochkor|" + item))
        .first();
  }
}
