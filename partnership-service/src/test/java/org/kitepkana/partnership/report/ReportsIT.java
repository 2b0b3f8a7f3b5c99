package org.kitepkana.partnership.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.Network;
import org.kitepkana.partnership.PartnershipApi.Answer;
import org.kitepkana.partnership.PartnershipIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Reports over HTTP, as JSON and as CSV. The projects here start in 2091-2093, years no other test
 * uses, so the counts are exact although the database is shared.
 */
class ReportsIT extends PartnershipIntegrationTest {

  String project(String lead, String participating, int year, String partner, String given) {
    Answer created =
        api.post(
            "/api/partnerships/projects",
            """
            {"title": "Долбоор %d", "start": "%d-02-01", "end": "%d-10-31", "leadLibraryId": "%s",
             "participatingLibraryIds": %s,
             "partners": [{"partnerId": "%s", "roles": ["FUNDER"]}],
             "contentAreas": ["LEGAL_INFORMATION", "EDUCATION"], "contributions": %s}
            """
                .formatted(year, year, year, lead, participating, partner, given));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().get("id").asString();
    api.post("/api/partnerships/projects/" + id + "/transitions", "{\"status\": \"APPROVED\"}");
    return id;
  }

  @Test
  void projectsAndFundsPerYearAgreeAcrossViewsInJsonAndCsv() {
    String naryn = Network.uniqueLibrary("naryn-city");
    String dostuk = Network.uniqueLibrary("dostuk");
    Network.branch(api, naryn, "CITY", "Нарын");
    Network.branch(api, dostuk, "VILLAGE", "Нарын району");
    String mayor =
        api.post(
                "/api/partnerships/partners",
                "{\"name\": \"Нарын шаардык мэриясы\", \"type\": \"LOCAL_GOVERNMENT\"}")
            .body()
            .get("id")
            .asString();
    String ngo =
        api.post("/api/partnerships/partners", "{\"name\": \"Аялдар кеңеши\", \"type\": \"NGO\"}")
            .body()
            .get("id")
            .asString();
    String money =
        """
        [{"kind": "MONEY", "partnerId": "%s", "amount": 10000, "currency": "KGS",
          "receivedOn": "%d-03-01"}]
        """;
    project(naryn, "[]", 2091, mayor, money.formatted(mayor, 2091));
    project(naryn, "[]", 2091, mayor, money.formatted(mayor, 2092));
    project(naryn, "[\"%s\"]".formatted(dostuk), 2092, ngo, "[]");
    String proposedOnly =
        api.post(
                "/api/partnerships/projects",
                """
                {"title": "Сунуш", "start": "2093-02-01", "end": "2093-03-01",
                 "leadLibraryId": "%s", "contentAreas": ["LEISURE"]}
                """
                    .formatted(dostuk))
            .body()
            .get("id")
            .asString();
    assertThat(proposedOnly).isNotBlank();

    JsonNode byScale =
        api.get("/api/partnerships/reports/projects-by-scale?from=2091&to=2093").body();
    assertThat(byScale.get("rows")).hasSize(3);
    assertThat(byScale.get("rows").get(0).get("MONO").asLong()).isEqualTo(2);
    assertThat(byScale.get("rows").get(1).get("REGIONAL").asLong()).isEqualTo(1);
    assertThat(byScale.get("rows").get(2).get("total").asLong()).isZero();
    assertThat(byScale.get("totals").get("total").asLong()).isEqualTo(3);
    JsonNode byArea =
        api.get("/api/partnerships/reports/projects-by-content-area?from=2091&to=2093").body();
    for (int i = 0; i < 3; i++) {
      assertThat(byArea.get("rows").get(i).get("projects").asLong())
          .isEqualTo(byScale.get("rows").get(i).get("total").asLong());
    }
    JsonNode withProposals =
        api.get(
                "/api/partnerships/reports/projects-by-scale?from=2091&to=2093"
                    + "&statuses=PROPOSED&statuses=APPROVED")
            .body();
    assertThat(withProposals.get("totals").get("total").asLong()).isEqualTo(4);

    JsonNode funds = api.get("/api/partnerships/reports/funds-by-year?from=2091&to=2093").body();
    JsonNode byType =
        api.get("/api/partnerships/reports/funds-by-partner-type?from=2091&to=2093").body();
    JsonNode byLibrary =
        api.get("/api/partnerships/reports/funds-by-library?from=2091&to=2093").body();
    assertThat(funds.get("rows").get(0).get("money").decimalValue()).isEqualByComparingTo("10000");
    assertThat(funds.get("totals").get("total").decimalValue())
        .isEqualByComparingTo(new BigDecimal("20000"))
        .isEqualByComparingTo(byType.get("totals").get("total").decimalValue())
        .isEqualByComparingTo(byLibrary.get("totals").get("total").decimalValue());
    assertThat(byType.get("rows").get(0).get("partnerType").asString())
        .isEqualTo("LOCAL_GOVERNMENT");
    assertThat(byLibrary.get("rows").get(0).get("libraryId").asString()).isEqualTo(naryn);

    Answer csv =
        api.get("/api/partnerships/reports/projects-by-scale?from=2091&to=2093&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    List<String> lines = csv.raw().replace("\uFEFF", "").lines().toList();
    assertThat(lines)
        .containsExactly(
            "year,MONO,INTER_LIBRARY,REGIONAL,NATIONAL,INTERNATIONAL,total",
            "2091,2,0,0,0,0,2",
            "2092,0,0,1,0,0,1",
            "2093,0,0,0,0,0,0",
            "TOTAL,2,0,1,0,0,3");
    Answer accepted = api.getCsv("/api/partnerships/reports/funds-by-year?from=2091&to=2093");
    assertThat(accepted.contentType()).startsWith("text/csv");
    assertThat(accepted.raw()).contains("TOTAL,20000.00,0.00,20000.00");
  }

  @Test
  void partnersAreRankedByTheProjectsTheyTookPartIn() {
    JsonNode types = api.get("/api/partnerships/reports/partners-by-type").body();
    assertThat(types.get("from").asInt()).isEqualTo(2001);
    assertThat(types.get("rows")).hasSize(10);
    JsonNode partners = api.get("/api/partnerships/reports/partners-by-projects").body();
    assertThat(partners.get("totals").get("projects").asLong())
        .isEqualTo(types.get("totals").get("participations").asLong());
  }

  @Test
  void aBadSpanOrAnUnknownReportIsRefused() {
    Answer backwards = api.get("/api/partnerships/reports/funds-by-year?from=2020&to=2010");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.firstErrorField()).isEqualTo("to");
    assertThat(api.get("/api/partnerships/reports/funds-by-year?from=1990").firstErrorField())
        .isEqualTo("from");
    assertThat(api.get("/api/partnerships/reports/funds-by-year?statuses=DONE").firstErrorField())
        .isEqualTo("statuses[0]");
    assertThat(api.get("/api/partnerships/reports/horoscope").status()).isEqualTo(404);
    assertThat(api.get("/api/partnerships/reports").body()).hasSize(7);
  }
}
