package org.kitepkana.events;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * events-service with the embedded broker and store, one Spring context shared by every IT that
 * extends this class (the same configuration, so the context cache hands out the same one). Tests
 * use fresh branch ids, so they do not see each other's data.
 */
@EmbeddedInfrastructureTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
public abstract class ServiceTestBase {

  protected static final TopicFixtures TOPICS = new TopicFixtures();

  @LocalServerPort protected int port;
  @Autowired protected TestClock clock;
  protected EventsApi api;

  @BeforeEach
  void client() {
    api = new EventsApi("http://127.0.0.1:" + port);
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /** A local time in Bishkek {@code days} days from the service's now, as ISO with offset. */
  protected String day(int days, String time) {
    return Bishkek.date(clock.instant()).plusDays(days) + "T" + time + ":00+06:00";
  }

  protected static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  /** Publishes a branch as catalog-service does and waits until events-service knows it. */
  protected String knownBranch(String prefix, String name) {
    String id = prefix + "-" + suffix();
    TOPICS.branch(id, name, 1);
    awaitInDirectory("branches", "branchId", id);
    return id;
  }

  protected void awaitInDirectory(String kind, String field, String id) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              var answer = api.get("/api/events/directory/" + kind);
              if (answer.body() == null) {
                return false;
              }
              for (var entry : answer.body()) {
                if (id.equals(entry.path(field).asString(""))) {
                  return true;
                }
              }
              return false;
            });
  }
}
