package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo legal acts are consistent before any service sees them. */
class LegalActsDemoDataTest {

  @Test
  void everyDemoActIsMarkedKeptByADemoBranchAndItsHistoryIsInOrder() throws IOException {
    JsonNode acts;
    try (InputStream in = getClass().getResourceAsStream(LegalActsDemoLoader.RESOURCE)) {
      acts = DemoData.JSON.readTree(in);
    }
    Set<String> branches = new HashSet<>();
    DemoData.load().branches().forEach(b -> branches.add(b.id()));
    Set<String> keys = new HashSet<>();
    acts.forEach(a -> keys.add(a.path("key").asText()));

    assertThat(acts.size()).isBetween(5, 20);
    assertThat(keys).hasSize(acts.size());
    for (JsonNode act : acts) {
      String key = act.path("key").asText();
      assertThat(act.path("title").path("ky").asText())
          .as(key)
          .startsWith(PartnershipsDemoLoader.MARK);
      assertThat(act.path("title").path("ru").asText())
          .as(key)
          .startsWith(PartnershipsDemoLoader.MARK);
      assertThat(branches).as(key).contains(act.path("branchId").asText());
      assertThat(act.path("issuingBody").path("type").asText())
          .isIn("LOCAL_KENESH", "AYIL_OKMOTU", "CITY_HALL", "DISTRICT_ADMINISTRATION");
      LocalDate adopted = LocalDate.parse(act.path("adoptedOn").asText());
      LocalDate last =
          act.hasNonNull("effectiveFrom")
              ? LocalDate.parse(act.path("effectiveFrom").asText())
              : adopted;
      assertThat(last).as(key).isAfterOrEqualTo(adopted);
      for (JsonNode change : act.path("statusChanges")) {
        LocalDate on = LocalDate.parse(change.path("effectiveOn").asText());
        assertThat(on).as(key).isAfterOrEqualTo(last);
        assertThat(change.path("byActNumber").asText()).as(key).isNotBlank();
        if (change.hasNonNull("byAct")) {
          assertThat(keys).as(key).contains(change.path("byAct").asText());
        }
        last = on;
      }
    }
  }
}
