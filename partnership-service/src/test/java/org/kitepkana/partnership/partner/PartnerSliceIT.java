package org.kitepkana.partnership.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.EventContract;
import org.kitepkana.partnership.Network;
import org.kitepkana.partnership.PartnershipIntegrationTest;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;

class PartnerSliceIT extends PartnershipIntegrationTest {

  static final String AYIL_OKMOTU =
      """
      {"name": "Ат-Башы айыл өкмөтү", "type": "LOCAL_GOVERNMENT", "district": "Ат-Башы",
       "contacts": [{"name": "Асанов Бакыт", "position": "башчы", "phone": "+996 3534 2 12 34",
                     "email": "atbashy@example.kg"}]}
      """;

  @Test
  void recordsAPartnerAndPublishesItsPublicStateWithoutContacts() {
    var created = api.post("/api/partnerships/partners", AYIL_OKMOTU);
    assertThat(created.status()).isEqualTo(201);
    String id = created.body().get("id").asString();
    assertThat(created.body().get("version").asLong()).isEqualTo(1);
    var read = api.get("/api/partnerships/partners/" + id);
    assertThat(read.body().get("contacts").get(0).get("name").asString()).isEqualTo("Асанов Бакыт");

    var contactsOnly =
        api.put(
            "/api/partnerships/partners/" + id,
            AYIL_OKMOTU
                .replace("Асанов Бакыт", "Осмонова Айгүл")
                .replace("}]}", "}], \"version\": 1}"));
    assertThat(contactsOnly.status()).isEqualTo(200);
    assertThat(contactsOnly.body().get("version").asLong()).isEqualTo(2);
    var renamed =
        api.put(
            "/api/partnerships/partners/" + id,
            AYIL_OKMOTU.replace("Ат-Башы айыл өкмөтү", "Ат-Башы айылдык аймагы"));
    assertThat(renamed.body().get("version").asLong()).isEqualTo(3);

    try (var kafka =
        new KafkaTestConsumer(
            EmbeddedInfrastructure.kafkaBootstrap(), "partnerships.partners.v1")) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> id.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.partnerships.partner.created",
                          "kitepkana.partnerships.partner.updated"));
      for (var seen : kafka.poll()) {
        if (id.equals(seen.key())) {
          assertThat(seen.header("ce_source")).isEqualTo("/partnership-service");
          assertThat(seen.header("ce_subject")).isEqualTo(id);
          assertThat(seen.header("ce_dataschema"))
              .isEqualTo(EventContract.dataschema(seen.header("ce_type")));
          EventContract.assertValid(seen.header("ce_type"), seen.body());
          assertThat(seen.body()).doesNotContain("Асанов", "Осмонова", "+996", "contacts");
        }
      }
    }
  }

  @Test
  void recordsAgreementsWithKnownLibrariesOnly() {
    String library = Network.uniqueLibrary("at-bashy");
    Network.branch(api, library, "DISTRICT", "Ат-Башы");
    String id = api.post("/api/partnerships/partners", AYIL_OKMOTU).body().get("id").asString();

    var unknown =
        api.post(
            "/api/partnerships/partners/" + id + "/agreements",
            """
            {"number": "№ 7", "signedOn": "2019-02-01", "validUntil": "2021-12-31",
             "scope": "Укуктук маалымат борбору", "libraryIds": ["%s", "nowhere-library"]}
            """
                .formatted(library));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.isProblem()).isTrue();
    assertThat(unknown.firstErrorField()).isEqualTo("libraryIds[1]");

    var agreed =
        api.post(
            "/api/partnerships/partners/" + id + "/agreements",
            """
            {"number": "№ 7", "signedOn": "2019-02-01", "validUntil": "2021-12-31",
             "scope": "Укуктук маалымат борбору", "libraryIds": ["%s"]}
            """
                .formatted(library));
    assertThat(agreed.status()).isEqualTo(201);
    assertThat(agreed.body().get("agreement").get("validFrom").asString()).isEqualTo("2019-02-01");
    var partner = api.get("/api/partnerships/partners/" + id).body();
    assertThat(partner.get("agreements")).hasSize(1);
    assertThat(partner.get("version").asLong()).isEqualTo(2);

    var backwards =
        api.post(
            "/api/partnerships/partners/" + id + "/agreements",
            """
            {"number": "№ 8", "signedOn": "2020-02-01", "validUntil": "2019-12-31",
             "scope": "Окуу", "libraryIds": ["%s"]}
            """
                .formatted(library));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.firstErrorField()).isEqualTo("validUntil");
  }

  @Test
  void refusesBadPartnersNamingTheField() {
    var badType =
        api.post(
            "/api/partnerships/partners", "{\"name\": \"Кимдир бирөө\", \"type\": \"CASTLE\"}");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.isProblem()).isTrue();
    assertThat(badType.firstErrorField()).isEqualTo("type");

    var blank = api.post("/api/partnerships/partners", "{\"name\": \" \", \"type\": \"NGO\"}");
    assertThat(blank.firstErrorField()).isEqualTo("name");

    var badEmail =
        api.post(
            "/api/partnerships/partners",
            """
            {"name": "Аялдар кеңеши", "type": "NGO",
             "contacts": [{"name": "Айгүл"}, {"name": "Нурлан", "email": "not-an-address"}]}
            """);
    assertThat(badEmail.firstErrorField()).isEqualTo("contacts[1].email");

    assertThat(api.get("/api/partnerships/partners/01JQ9A7C3M5T8W2XR4B6D0E1FG").status())
        .isEqualTo(404);
    assertThat(api.get("/api/partnerships/partners/not-a-ulid").status()).isEqualTo(404);
    var stale =
        api.put(
            "/api/partnerships/partners/"
                + api.post("/api/partnerships/partners", AYIL_OKMOTU).body().get("id").asString(),
            AYIL_OKMOTU.replace("}]}", "}], \"version\": 5}"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.firstErrorField()).isEqualTo("version");
  }
}
