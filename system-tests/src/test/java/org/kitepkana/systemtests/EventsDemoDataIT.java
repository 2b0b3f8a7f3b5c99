package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kitepkana.devstack.DemoData;
import org.kitepkana.devstack.DemoDataLoader;
import org.kitepkana.devstack.EventsDemoLoader;
import tools.jackson.databind.JsonNode;

/**
 * The events demo data loads through the gateway after the branch directory: the legal-literacy
 * week with answers, library events at the demo branches, waitlists, attendance; readers marked as
 * demo; loading again changes nothing.
 */
class EventsDemoDataIT {

  static GatewayClient gateway;
  static EventsDemoLoader.Summary loaded;

  @BeforeAll
  static void demoRegion() {
    gateway = Platform.gateway();
    URI target = URI.create(Platform.stack().gatewayUrl());
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    String coordinator = Platform.token("coordinator");
    new DemoDataLoader(target, quiet, coordinator).load(DemoData.load());
    loaded = new EventsDemoLoader(target, quiet, Clock.systemUTC(), coordinator).load();
  }

  @Test
  void loadsTheLegalLiteracyWeekEventsRegistrationsAndAttendance() {
    assertThat(loaded.events()).isEqualTo(15);
    assertThat(loaded.completed()).isEqualTo(3);
    JsonNode campaigns = gateway.get("/api/events/campaigns").body();
    JsonNode week = null;
    for (JsonNode c : campaigns) {
      if ("Укуктук сабаттуулук жумалыгы".equals(c.get("title").get("ky").asString())) {
        week = c;
      }
    }
    assertThat(week).isNotNull();
    assertThat(week.get("confirmedBranchIds"))
        .extracting(JsonNode::asString)
        .containsExactly("at-bashy", "kochkor", "naryn-oblast");
    assertThat(week.get("declinedBranchIds"))
        .extracting(JsonNode::asString)
        .containsExactly("jumgal");
    assertThat(week.get("pendingBranchIds"))
        .extracting(JsonNode::asString)
        .containsExactly("kara-suu");

    JsonNode overview =
        gateway
            .get("/api/events/campaigns/" + week.get("campaignId").asString() + "/overview")
            .body();
    assertThat(overview.get("totals").get("events").asInt()).isEqualTo(5);

    JsonNode atBashy = gateway.get("/api/events?branchId=at-bashy&status=SCHEDULED").body();
    JsonNode advice = null;
    for (JsonNode e : atBashy) {
      if ("LEGAL_CONSULTATION".equals(e.get("type").asString())) {
        advice = e;
      }
    }
    assertThat(advice.get("registered").asInt()).isEqualTo(12);
    assertThat(advice.get("waitlisted").asInt()).isEqualTo(2);
    JsonNode attendees =
        gateway.get("/api/events/" + advice.get("eventId").asString() + "/registrations").body();
    assertThat(attendees).hasSize(16);
    assertThat(attendees.findValuesAsString("name"))
        .allSatisfy(n -> assertThat(n).startsWith("Demo: "));

    JsonNode stats =
        gateway.get("/api/events/statistics?from=2000-01-01&to=2100-12-31&by=branch").body();
    assertThat(stats.get("totals").get("completed").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(stats.get("totals").get("walkIns").asInt()).isGreaterThanOrEqualTo(27 + 11 + 54);

    // Loading again the same day changes nothing: every write carries the same Idempotency-Key.
    int eventsBefore = gateway.get("/api/events").body().size();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new EventsDemoLoader(
            URI.create(Platform.stack().gatewayUrl()),
            quiet,
            Clock.systemUTC(),
            Platform.token("coordinator"))
        .load();
    assertThat(gateway.get("/api/events").body().size()).isEqualTo(eventsBefore);
    assertThat(
            gateway
                .get("/api/events/" + advice.get("eventId").asString())
                .body()
                .get("registered")
                .asInt())
        .isEqualTo(12);
    assertThat(gateway.get("/api/events/campaigns").body().size()).isEqualTo(campaigns.size());
  }
}
