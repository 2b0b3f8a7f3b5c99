package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * A branch that keeps changing the same items, one batch after another, and resends a batch (same
 * id) until it is acknowledged, as a branch on a flaky link does. Batch {@code n} sets every item's
 * copies to {@code n}, so the events of one item must show copies 1, 2, 3, ... with none missing,
 * none doubled and none out of order.
 */
final class Workload {

  private final GatewayClient client;
  private final String branch;
  private final String run;
  private final int items;
  private final Map<String, String> recordOfItem = new HashMap<>();
  private int acknowledged;

  Workload(GatewayClient client, String branch, String run, int items) {
    this.client = client;
    this.branch = branch;
    this.run = run;
    this.items = items;
  }

  /** Sends the next batch, retrying until acknowledged; returns how many tries it took. */
  int sendNext() {
    int n = acknowledged + 1;
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < items; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append(
              GatewayClient.upsert(
                  itemId(i), "Китеп " + run + " №" + i, "Автор, " + run, null, 2001, n));
    }
    String body = batch.append("]").toString();
    for (int attempt = 1; ; attempt++) {
      var answer = client.sync(branch, run + "-" + n, body);
      if (answer.status() == 200) {
        assertThat(answer.body().get("rejected").asInt()).as(answer.raw()).isZero();
        for (JsonNode item : answer.body().get("items")) {
          recordOfItem.put(item.get("itemId").asString(), item.get("recordId").asString());
        }
        acknowledged = n;
        return attempt;
      }
      assertThat(answer.status() >= 400 && answer.status() < 500).as(answer.raw()).isFalse();
      LockSupport.parkNanos(200_000_000L);
    }
  }

  int acknowledged() {
    return acknowledged;
  }

  Set<String> recordIds() {
    return new HashSet<>(recordOfItem.values());
  }

  /**
   * Checks the topic: for every item, after dropping repeated event ids, the holding events show
   * copies 1..acknowledged exactly, in order.
   */
  void assertEveryAcknowledgedChangeArrivedOnceInOrder(List<TopicReader.Seen> seen) {
    Map<String, List<Integer>> copiesByItem = copiesByItem(seen);
    for (int i = 0; i < items; i++) {
      List<Integer> expected = new ArrayList<>();
      for (int n = 1; n <= acknowledged; n++) {
        expected.add(n);
      }
      assertThat(copiesByItem.getOrDefault(itemId(i), List.of())).as(itemId(i)).isEqualTo(expected);
    }
  }

  boolean allArrived(List<TopicReader.Seen> seen) {
    Map<String, List<Integer>> copiesByItem = copiesByItem(seen);
    for (int i = 0; i < items; i++) {
      if (copiesByItem.getOrDefault(itemId(i), List.of()).size() < acknowledged) {
        return false;
      }
    }
    return true;
  }

  private Map<String, List<Integer>> copiesByItem(List<TopicReader.Seen> seen) {
    Set<String> ids = new HashSet<>();
    Map<String, List<Integer>> copies = new LinkedHashMap<>();
    for (var r : seen) {
      String type = r.header("ce_type");
      if (type == null
          || !type.startsWith("kitepkana.catalog.holding.")
          || !ids.add(r.header("ce_id"))) {
        continue;
      }
      JsonNode data = GatewayClient.JSON.readTree(r.body());
      if (branch.equals(data.path("branchId").asString(""))) {
        copies
            .computeIfAbsent(data.get("itemId").asString(), k -> new ArrayList<>())
            .add(data.path("copies").asInt());
      }
    }
    return copies;
  }

  private String itemId(int i) {
    return run + "-item-" + i;
  }
}
