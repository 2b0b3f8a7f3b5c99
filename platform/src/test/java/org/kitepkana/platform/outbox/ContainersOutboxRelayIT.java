package org.kitepkana.platform.outbox;

import java.util.UUID;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The outbox relay's core contract against real MongoDB and Apache Kafka images, so the embedded
 * store and broker are not the only proof. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersOutboxRelayIT extends OutboxRelayContract {

  @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

  @Override
  protected String mongoUri() {
    return MONGO.getReplicaSetUrl("outbox-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Override
  protected String kafkaBootstrap() {
    return KAFKA.getBootstrapServers();
  }
}
