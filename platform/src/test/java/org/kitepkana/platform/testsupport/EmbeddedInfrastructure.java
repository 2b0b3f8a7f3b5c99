package org.kitepkana.platform.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded infrastructure of the test suite, started once per test JVM: a real Kafka broker
 * (KRaft, in-process) and a MongoDB-wire-compatible store (mongo-java-server, in memory), both on
 * loopback and free ports. Each Spring test context gets its own database name, so contexts do not
 * see each other's data.
 */
public final class EmbeddedInfrastructure {

  private static MongoServer mongo;
  private static EmbeddedKafkaKraftBroker kafka;

  private EmbeddedInfrastructure() {}

  public static synchronized void start() {
    if (mongo == null) {
      MongoServer server = new MongoServer(new MemoryBackend());
      server.bind("127.0.0.1", 0);
      mongo = server;
    }
    if (kafka == null) {
      // The KRaft test kit names its own listeners (on localhost) and maps their security
      // protocols; overriding "listeners" here breaks that map and the broker does not start.
      EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
      broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
      broker.brokerProperty("auto.create.topics.enable", "true");
      broker.afterPropertiesSet();
      // Only a started broker is kept, so a failed start reports its cause again next time
      // instead of "cluster cannot be null".
      kafka = broker;
    }
  }

  public static String mongoUri(String database) {
    start();
    var address = mongo.getLocalAddress();
    return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
  }

  public static String freshMongoUri() {
    return mongoUri("test-" + UUID.randomUUID().toString().substring(0, 8));
  }

  public static String kafkaBootstrap() {
    start();
    return kafka.getBrokersAsString();
  }

  public static EmbeddedKafkaKraftBroker kafka() {
    start();
    return kafka;
  }
}
