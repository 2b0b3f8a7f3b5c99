package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kitepkana.devstack.DemoData;
import org.kitepkana.devstack.DemoDataLoader;
import org.kitepkana.devstack.PartnershipsDemoLoader;
import tools.jackson.databind.JsonNode;

/**
 * The partnership demo data of the demo region loads through the gateway after the branch
 * directory, and the yearly reports over it add up across views: 25 years of mostly mono-projects,
 * local government the leading partner.
 */
class PartnershipsDemoDataIT {

  static GatewayClient gateway;
  static PartnershipsDemoLoader.Summary loaded;

  @BeforeAll
  static void demoRegion() {
    gateway = Platform.gateway();
    URI target = URI.create(Platform.stack().gatewayUrl());
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    String coordinator = Platform.token("coordinator");
    new DemoDataLoader(target, quiet, coordinator).load(DemoData.load());
    loaded = new PartnershipsDemoLoader(target, quiet, coordinator).load();
  }

  @Test
  void loadsPartnersAgreementsProjectsAndPublicationsMarkedAsDemo() {
    assertThat(loaded.projects()).isGreaterThan(90);
    assertThat(loaded.partners()).isGreaterThan(20);
    JsonNode partners = gateway.get("/api/partnerships/partners?type=LOCAL_GOVERNMENT").body();
    assertThat(partners)
        .filteredOn(p -> p.get("name").asString().startsWith(PartnershipsDemoLoader.MARK))
        .hasSizeGreaterThanOrEqualTo(8);
    JsonNode evaluated = gateway.get("/api/partnerships/projects?status=EVALUATED&size=500").body();
    assertThat(evaluated.get("total").asInt()).isGreaterThan(30);
    JsonNode first = evaluated.get("items").get(0);
    assertThat(first.get("title").asString()).startsWith(PartnershipsDemoLoader.MARK);
    assertThat(first.get("evaluation").get("necessity").get("score").asInt()).isBetween(1, 5);

    // Loading again changes nothing: every write carries the same Idempotency-Key.
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new PartnershipsDemoLoader(
            URI.create(Platform.stack().gatewayUrl()), quiet, Platform.token("coordinator"))
        .load();
    assertThat(
            gateway.get("/api/partnerships/projects?status=EVALUATED&size=500").body().get("total"))
        .isEqualTo(evaluated.get("total"));
  }

  @Test
  void reportsOverTwentyFiveYearsAddUpAndShowLocalGovernmentLeading() {
    JsonNode byScale =
        gateway.get("/api/partnerships/reports/projects-by-scale?from=2001&to=2025").body();
    JsonNode byArea =
        gateway.get("/api/partnerships/reports/projects-by-content-area?from=2001&to=2025").body();
    assertThat(byScale.get("rows")).hasSize(25);
    for (int i = 0; i < 25; i++) {
      assertThat(byScale.get("rows").get(i).get("total").asLong())
          .isEqualTo(byArea.get("rows").get(i).get("projects").asLong());
    }
    JsonNode totals = byScale.get("totals");
    assertThat(totals.get("MONO").asLong()).isGreaterThan(totals.get("total").asLong() / 2);

    JsonNode byType = gateway.get("/api/partnerships/reports/partners-by-type").body();
    assertThat(byType.get("rows").get(0).get("type").asString()).isEqualTo("LOCAL_GOVERNMENT");

    JsonNode funds = gateway.get("/api/partnerships/reports/funds-by-year?to=2025").body();
    JsonNode byPartnerType =
        gateway.get("/api/partnerships/reports/funds-by-partner-type?to=2025").body();
    JsonNode byLibrary = gateway.get("/api/partnerships/reports/funds-by-library?to=2025").body();
    assertThat(funds.get("totals").get("total").decimalValue())
        .isPositive()
        .isEqualByComparingTo(byPartnerType.get("totals").get("total").decimalValue())
        .isEqualByComparingTo(byLibrary.get("totals").get("total").decimalValue());

    var csv =
        gateway.get("/api/partnerships/reports/partners-by-type?from=2001&to=2025&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.raw().lines().toList().get(1)).startsWith("1,LOCAL_GOVERNMENT,");
  }
}
