package org.kitepkana.catalog.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.record.adapter.out.kafka.RecordEvents;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.kafka.CloudEventPublisher;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.kitepkana.platform.testsupport.KafkaTestConsumer.Seen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The statistics consumer takes each poll as one batch. The listener is held while a test puts its
 * events on the records topic, so they reach it together: a poison event among them goes to the
 * dead-letter topic alone and its neighbours are counted; events delivered again, in the same batch
 * or after newer ones, change nothing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kitepkana.kafka.retry.retries=1", "kitepkana.kafka.retry.interval-ms=20"})
@EmbeddedInfrastructureTest
class HoldingStatisticsListenerIT {

  @Autowired CloudEventPublisher publisher;
  @Autowired EventEnvelopes envelopes;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired HoldingStatistics statistics;
  @Autowired ProcessedEvents processed;

  @Test
  void aPoisonEventInABatchGoesAloneToTheDeadLetterTopicAndItsNeighboursAreCounted() {
    String branch = "at-bashy-" + UUID.randomUUID().toString().substring(0, 6);
    try (KafkaTestConsumer deadLetters =
        new KafkaTestConsumer(
            EmbeddedInfrastructure.kafkaBootstrap(), RecordEvents.TOPIC + ".dlt")) {
      EventEnvelope poison =
          envelopes.create(
              RecordEvents.TOPIC,
              "rec-3-" + branch,
              RecordEvents.HOLDING_ADDED,
              Map.of(
                  "itemId",
                  "inv-3",
                  "recordId",
                  "rec-3-" + branch,
                  "recordVersion",
                  1,
                  "status",
                  "AVAILABLE"));
      held(
          added(branch, "inv-1", 1, 2),
          added(branch, "inv-2", 1, 3),
          poison,
          added(branch, "inv-4", 1, 4),
          withdrawn(branch, "inv-2", 2));

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(counts(branch))
                      .isEqualTo(new HoldingStatistics.BranchCounts(branch, 2, 6, 1)));
      Seen dead =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      deadLetters.poll().stream()
                          .filter(r -> poison.id().equals(r.header("ce_id")))
                          .findFirst()
                          .orElse(null),
                  r -> r != null);
      assertThat(dead.header("kafka_dlt-exception-message")).contains("event data lacks branchId");
      assertThat(deadLetters.poll().stream().filter(r -> r.key().endsWith(branch))).hasSize(1);
      assertThat(processed.seen(HoldingStatisticsListener.CONSUMER, poison.id())).isFalse();
    }
  }

  @Test
  void eventsDeliveredAgainInABatchOrAfterNewerOnesChangeNothing() {
    String branch = "naryn-" + UUID.randomUUID().toString().substring(0, 6);
    EventEnvelope first = added(branch, "inv-1", 1, 2);
    held(first);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(counts(branch))
                    .isEqualTo(new HoldingStatistics.BranchCounts(branch, 1, 2, 0)));

    EventEnvelope changed = changed(branch, "inv-1", 2, 5);
    EventEnvelope other = added(branch, "inv-2", 1, 1);
    held(first, changed, other, first, other, changed);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(counts(branch))
                    .isEqualTo(new HoldingStatistics.BranchCounts(branch, 2, 6, 0)));
    assertThat(
            processed.seen(HoldingStatisticsListener.CONSUMER, List.of(changed.id(), other.id())))
        .hasSize(2);
  }

  /** Puts the events on the topic while the listener is stopped, then lets it take them. */
  private void held(EventEnvelope... events) {
    MessageListenerContainer container =
        listeners.getListenerContainer(HoldingStatisticsListener.CONSUMER);
    container.stop();
    try {
      for (EventEnvelope event : events) {
        assertThat(publisher.send(event)).succeedsWithin(Duration.ofSeconds(10));
      }
    } finally {
      container.start();
    }
  }

  private HoldingStatistics.BranchCounts counts(String branch) {
    return statistics.perBranch().stream()
        .filter(c -> c.branchId().equals(branch))
        .findFirst()
        .orElse(null);
  }

  private EventEnvelope added(String branch, String item, long version, int copies) {
    return holding(RecordEvents.HOLDING_ADDED, branch, item, version, copies);
  }

  private EventEnvelope changed(String branch, String item, long version, int copies) {
    return holding(RecordEvents.HOLDING_CHANGED, branch, item, version, copies);
  }

  private EventEnvelope withdrawn(String branch, String item, long version) {
    return holding(RecordEvents.HOLDING_WITHDRAWN, branch, item, version, null);
  }

  private EventEnvelope holding(
      String type, String branch, String item, long version, Integer copies) {
    String recordId = "rec-" + item + "-" + branch;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("recordId", recordId);
    data.put("recordVersion", version);
    data.put("branchId", branch);
    data.put("itemId", item);
    if (copies != null) {
      data.put("copies", copies);
      data.put("status", "AVAILABLE");
    }
    return envelopes.create(RecordEvents.TOPIC, recordId, type, data);
  }
}
