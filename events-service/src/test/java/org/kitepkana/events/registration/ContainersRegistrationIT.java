package org.kitepkana.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.EventsApi;
import org.kitepkana.events.TestClock;
import org.kitepkana.events.TopicFixtures;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.platform.testsupport.TestTokensInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

/**
 * The store-decided guarantees against real MongoDB and Apache Kafka images, so the embedded store
 * is not their only proof: capacity and arrival order under 500 simultaneous registrations, and one
 * winner among overlapping room bookings. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = TestTokensInitializer.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
class ContainersRegistrationIT {

  @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

  static TopicFixtures topics;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("events"));
    registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
  }

  @AfterAll
  static void close() {
    if (topics != null) {
      topics.close();
    }
  }

  @LocalServerPort int port;
  @Autowired TestClock clock;

  @Test
  void capacityArrivalOrderAndRoomClaimsHoldOnRealMongo() throws Exception {
    EventsApi api = new EventsApi("http://127.0.0.1:" + port);
    topics = new TopicFixtures(KAFKA.getBootstrapServers());
    topics.branch("naryn-city", "Нарын шаардык борбордук китепканасы", 1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("/api/events/directory/branches").raw().contains("naryn-city"));
    String day = Bishkek.date(clock.instant()).plusDays(20).toString();

    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<EventsApi.Answer>> bookings = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String start = day + "T1" + i % 4 + ":00:00+06:00";
        bookings.add(
            pool.submit(
                () -> {
                  go.await();
                  return api.post(
                      "/api/events",
                      EventsApi.event(
                          "naryn-city", "окуу залы", start, day + "T15:00:00+06:00", 50, null));
                }));
      }
      go.countDown();
      List<String> created = new ArrayList<>();
      for (Future<EventsApi.Answer> f : bookings) {
        EventsApi.Answer a = f.get();
        assertThat(a.status()).isIn(201, 409);
        if (a.status() == 201) {
          created.add(a.body().get("eventId").asString());
        }
      }
      assertThat(created).hasSize(1);
      String eventId = created.get(0);

      CountDownLatch start = new CountDownLatch(1);
      List<Future<EventsApi.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        int n = i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.post(
                      "/api/events/" + eventId + "/registrations",
                      "{\"name\": \"Demo %d\", \"phone\": \"+996 700 %06d\"}".formatted(n, n));
                }));
      }
      start.countDown();
      for (Future<EventsApi.Answer> f : answers) {
        assertThat(f.get().status()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    String eventId =
        api.get("/api/events?branchId=naryn-city").body().get(0).get("eventId").asString();
    List<JsonNode> list = new ArrayList<>();
    api.get("/api/events/" + eventId + "/registrations").body().forEach(list::add);
    assertThat(list.stream().filter(r -> r.get("status").asString().equals("CONFIRMED")))
        .hasSize(50);
    assertThat(
            list.stream()
                .filter(r -> r.get("status").asString().equals("WAITLISTED"))
                .map(r -> r.get("arrival").asLong()))
        .containsExactlyElementsOf(LongStream.rangeClosed(51, 500).boxed().toList());
  }
}
