package org.kitepkana.catalog.sync;

import org.kitepkana.platform.testsupport.TestTokensInitializer;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The sync slice against real MongoDB and Apache Kafka images, so the embedded store is not the
 * only proof that the code keeps to features both support. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = TestTokensInitializer.class)
class ContainersSyncSliceIT extends SyncSliceContract {

  @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("catalog"));
    registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
  }

  @Override
  protected String kafkaBootstrap() {
    return KAFKA.getBootstrapServers();
  }
}
