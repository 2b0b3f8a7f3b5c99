package org.kitepkana.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.EventsApi;
import org.kitepkana.events.ServiceTestBase;

/** Many librarians booking one room at once: the store lets exactly one overlapping booking in. */
class RoomRaceIT extends ServiceTestBase {

  @Test
  void ofManyOverlappingBookingsAtOnceExactlyOneWins() throws Exception {
    String branch = knownBranch("naryn-oblast", "Нарын облустук универсалдуу илимий китепканасы");
    int attempts = 16;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    List<Future<EventsApi.Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        String start = day(9, "%02d:%02d".formatted(10 + i % 3, (i * 7) % 60));
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return api.post(
                      "/api/events",
                      EventsApi.event(branch, "чоң зал", start, day(9, "14:00"), 100, null));
                }));
      }
      go.countDown();
      List<EventsApi.Answer> created = new ArrayList<>();
      List<EventsApi.Answer> refused = new ArrayList<>();
      for (Future<EventsApi.Answer> f : answers) {
        EventsApi.Answer a = f.get();
        (a.status() == 201 ? created : refused).add(a);
      }
      assertThat(created).hasSize(1);
      assertThat(refused)
          .hasSize(attempts - 1)
          .allSatisfy(a -> assertThat(a.status()).isEqualTo(409));
      String winner = created.get(0).body().get("eventId").asString();
      assertThat(refused)
          .allSatisfy(
              a ->
                  assertThat(a.body().get("conflictingEvent").get("eventId").asString())
                      .isEqualTo(winner));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anIdempotencyKeyReplayRegistersNobodyTwice() {
    String branch = knownBranch("naryn-oblast", "Нарын облустук универсалдуу илимий китепканасы");
    String eventId =
        api.post(
                "/api/events",
                EventsApi.event(branch, "кичи зал", day(8, "10:00"), day(8, "11:00"), 5, null))
            .body()
            .get("eventId")
            .asString();
    String body = "{\"name\": \"Demo Окурман\", \"phone\": \"+996 700 404 404\"}";
    var first =
        api.post(
            "/api/events/" + eventId + "/registrations", body, Map.of("Idempotency-Key", "k-1"));
    var replay =
        api.post(
            "/api/events/" + eventId + "/registrations", body, Map.of("Idempotency-Key", "k-1"));
    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(api.get("/api/events/" + eventId).body().get("registered").asInt()).isEqualTo(1);
  }
}
