package org.kitepkana.platform.health;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Mongo health by {@code ping}. Boot's own indicator sends {@code hello}, which the embedded
 * MongoDB-wire store rejects, so it would report DOWN against a healthy store.
 */
public final class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoDatabase database;

  public MongoPingHealthIndicator(MongoDatabase database) {
    super("MongoDB ping failed");
    this.database = database;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = database.runCommand(new Document("ping", 1));
    builder.up().withDetail("database", database.getName()).withDetail("ping", answer.get("ok"));
  }
}
