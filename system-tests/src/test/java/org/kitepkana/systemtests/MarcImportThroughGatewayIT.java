package org.kitepkana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MARC files through the gateway, as a branch sends them: the real Cyrillic file, a file larger
 * than the general 4 MB body limit (its route streams instead of buffering), something that is not
 * MARC, and the record exported back as MARCXML.
 */
class MarcImportThroughGatewayIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static GatewayClient gateway;
  static String base;
  static String branch;

  @BeforeAll
  static void branch() {
    gateway = Platform.gateway();
    base = Platform.stack().gatewayUrl();
    branch = "ak-talaa-district-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(
            gateway
                .registerBranch(branch, "Ак-Талаа райондук китепканасы", "DISTRICT", null)
                .status())
        .isEqualTo(201);
  }

  static Path marc(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared/data/marc").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("shared/data/marc/" + name + " not found");
  }

  static HttpResponse<String> upload(byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(base + "/api/catalog/branches/" + branch + "/marc-imports"))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/marc")
            .header("Authorization", "Bearer " + Platform.token("coordinator"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode completed(HttpResponse<String> accepted) {
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String self = accepted.headers().firstValue("Location").orElseThrow();
    JsonNode[] job = new JsonNode[1];
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              job[0] = gateway.get(self).body();
              String state = job[0] == null ? "" : job[0].get("state").asString();
              return state.equals("COMPLETED") || state.equals("FAILED");
            });
    assertThat(job[0].get("state").asString()).as(job[0].toString()).isEqualTo("COMPLETED");
    return job[0];
  }

  @Test
  void importsTheCyrillicFileAndExportsARecordBackAsMarcXml() throws Exception {
    JsonNode job =
        completed(
            upload(Files.readAllBytes(marc("neb-heritage-rumorgb-2019-0000001-0000013.mrc"))));

    assertThat(job.at("/records/read").asInt()).isEqualTo(13);
    assertThat(job.at("/records/imported").asInt()).isEqualTo(13);
    assertThat(job.at("/records/failed").asInt()).isZero();
    JsonNode page = gateway.get("/api/catalog/branches/" + branch + "/holdings?size=100").body();
    JsonNode shipov = null;
    for (JsonNode item : page.get("items")) {
      if (item.get("itemId").asString().equals("002981088")) {
        shipov = item;
      }
    }
    assertThat(shipov).isNotNull();
    assertThat(shipov.get("title").asString())
        .isEqualTo("Устройство благонадежной защиты государства");

    HttpResponse<String> xml =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/api/catalog/records/"
                            + shipov.get("recordId").asString()
                            + "/marcxml"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.body()).contains("Шипов, Сергей Павлович").contains("rubbk");
  }

  @Test
  void streamsAFileOverTheGeneralBodyLimitThroughTheGateway() throws Exception {
    byte[] one = Files.readAllBytes(marc("marc4j-pride-and-prejudice-fixed.mrc"));
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    for (int i = 0; i < 15; i++) {
      big.writeBytes(one);
    }
    assertThat(big.size()).isGreaterThan(5 * 1024 * 1024);

    JsonNode job = completed(upload(big.toByteArray()));

    // 15 copies of 383 records: the first copy as in the file (17 UNIMARC skipped, 19 repeats),
    // the other 14 all repeats of the first (the 17 UNIMARC ones are skipped every time).
    assertThat(job.at("/records/read").asInt()).isEqualTo(15 * 383);
    assertThat(job.at("/records/imported").asInt()).isEqualTo(347);
    assertThat(job.at("/records/failed").asInt()).isEqualTo(15 * 17);
    assertThat(job.at("/records/duplicates").asInt()).isEqualTo(19 + 14 * 366);
    assertThat(job.get("bytes").asLong()).isEqualTo(big.size());
  }

  @Test
  void refusesAFileThatIsNotMarcWithAProblem() throws Exception {
    HttpResponse<String> pdf =
        upload("%PDF-1.7 not a catalogue".getBytes(StandardCharsets.US_ASCII));

    assertThat(pdf.statusCode()).isEqualTo(400);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(pdf.body()).at("/errors/0/reason").asString())
        .isEqualTo("not a MARC file: a PDF document, not a MARC file");
  }
}
