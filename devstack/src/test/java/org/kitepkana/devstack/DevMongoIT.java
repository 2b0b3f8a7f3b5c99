package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DevMongo as a child process: data on the H2 file survives stop, SIGKILL and restart. */
class DevMongoIT {

  @TempDir Path dir;

  private static MongoClient client(int port) {
    return MongoClients.create(
        "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=10000&connectTimeoutMS=5000");
  }

  private static MongoCollection<Document> branches(MongoClient client) {
    return client.getDatabase("catalog").getCollection("branches");
  }

  @Test
  void h2FileSurvivesStopAndSigkill() throws Exception {
    int port = PortPlan.findFreePort();
    ManagedProcess mongo =
        DevMongo.process(dir, port, false, DevstackClasspath.resolve(null), Duration.ofSeconds(60));
    try {
      mongo.start();
      try (MongoClient client = client(port)) {
        branches(client)
            .insertOne(
                new Document("_id", "naryn-oblast")
                    .append("name", "Нарын облустук универсалдуу илимий китепканасы"));
      }

      mongo.restart(); // SIGTERM: a clean close of the MVStore
      try (MongoClient client = client(port)) {
        assertThat(branches(client).find(new Document("_id", "naryn-oblast")).first())
            .isNotNull()
            .containsEntry("name", "Нарын облустук универсалдуу илимий китепканасы");
        branches(client).insertOne(new Document("_id", "kochkor").append("name", "Кочкор"));
      }

      // the MVStore auto-commits about every second; give it that, then SIGKILL
      TimeUnit.MILLISECONDS.sleep(2500);
      mongo.kill();
      mongo.start();
      try (MongoClient client = client(port)) {
        assertThat(branches(client).countDocuments()).isEqualTo(2);
      }
      assertThat(dir.resolve("mongo/devstack.mv")).exists();
      assertThat(dir.resolve("logs/mongo.log")).content().contains("DevMongo listening on");
    } finally {
      mongo.stop();
    }
  }

  @Test
  void memoryBackendForgetsOnRestart() {
    int port = PortPlan.findFreePort();
    ManagedProcess mongo =
        DevMongo.process(dir, port, true, DevstackClasspath.resolve(null), Duration.ofSeconds(60));
    try {
      mongo.start();
      try (MongoClient client = client(port)) {
        branches(client).insertOne(new Document("_id", "dostuk"));
        assertThat(branches(client).countDocuments()).isEqualTo(1);
      }
      mongo.restart();
      try (MongoClient client = client(port)) {
        assertThat(branches(client).countDocuments()).isZero();
      }
      assertThat(dir.resolve("mongo/devstack.mv")).doesNotExist();
    } finally {
      mongo.stop();
    }
  }
}
