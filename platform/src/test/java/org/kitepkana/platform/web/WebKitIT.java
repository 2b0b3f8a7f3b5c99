package org.kitepkana.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the kit in a running server: problem+json for bad input, the request-size limit,
 * Idempotency-Key replays, and readiness that includes MongoDB and Kafka.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=web-kit-it",
      "kitepkana.web.max-body-size=1KB",
      "management.endpoint.health.probes.enabled=true",
      "management.endpoint.health.group.readiness.include=readinessState,mongo,kafka",
      "management.endpoint.health.show-details=always"
    })
@EmbeddedInfrastructureTest
class WebKitIT {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(ThingsController.class)
  static class App {}

  /** Creates things; remembers every creation so a test can count them. */
  @RestController
  @RequestMapping("/things")
  public static class ThingsController {

    public record CreateThing(@NotBlank String name, @Min(1) int copies, LocalDate since) {}

    public record Thing(String id, String name, int copies) {}

    final Map<String, Thing> created = new ConcurrentHashMap<>();

    @PostMapping
    public ResponseEntity<Thing> create(@Valid @RequestBody CreateThing request) {
      Thing thing = new Thing(UUID.randomUUID().toString(), request.name(), request.copies());
      created.put(thing.id(), thing);
      return ResponseEntity.created(URI.create("/things/" + thing.id())).body(thing);
    }

    long createdNamed(String name) {
      return created.values().stream().filter(t -> t.name().equals(name)).count();
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @LocalServerPort int port;
  @Autowired ThingsController things;

  @Test
  void answersMalformedJsonWithABadRequestProblemNamingTheBody() throws Exception {
    HttpResponse<String> response = post("{\"name\": \"Манас\", \"copies\": ");

    assertProblem(response, 400);
    assertThat(errorFields(response)).containsExactly("body");
  }

  @Test
  void answersAValueOfTheWrongTypeWithABadRequestProblemNamingTheField() throws Exception {
    HttpResponse<String> response = post("{\"name\": \"Манас\", \"copies\": \"many\"}");

    assertProblem(response, 400);
    assertThat(errorFields(response)).containsExactly("copies");
  }

  @Test
  void answersAMalformedDateWithABadRequestProblemNamingTheField() throws Exception {
    HttpResponse<String> response =
        post("{\"name\": \"Манас\", \"copies\": 1, \"since\": \"2024-02-30\"}");

    assertProblem(response, 400);
    assertThat(errorFields(response)).containsExactly("since");
  }

  @Test
  void answersAMissingTextFieldWithABadRequestProblemNamingIt() throws Exception {
    HttpResponse<String> response = post("{\"copies\": 2}");

    assertProblem(response, 400);
    assertThat(errorFields(response)).containsExactly("name");
  }

  @Test
  void answersAMissingNumberFieldWithABadRequestProblemNamingIt() throws Exception {
    HttpResponse<String> response = post("{\"name\": \"Манас\"}");

    assertProblem(response, 400);
    assertThat(errorFields(response)).containsExactly("copies");
  }

  @Test
  void refusesABodyOverTheLimitWithContentTooLargeWhenItsLengthIsDeclared() throws Exception {
    String name = "oversize-declared-" + "я".repeat(600);
    HttpResponse<String> response = send(request(BodyPublishers.ofString(body(name, 1))));

    assertProblem(response, 413);
    assertThat(json(response).get("detail").asString()).contains("1024 bytes");
    assertThat(things.createdNamed(name)).isZero();
  }

  @Test
  void refusesAChunkedBodyThatGrowsOverTheLimitWithContentTooLarge() throws Exception {
    String name = "oversize-chunked-" + "я".repeat(600);
    HttpResponse<String> response = send(request(chunked(body(name, 1))));

    assertProblem(response, 413);
    assertThat(things.createdNamed(name)).isZero();
  }

  @Test
  void acceptsAChunkedBodyUnderTheLimit() throws Exception {
    HttpResponse<String> response = send(request(chunked(body("Жамиля", 2))));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(things.createdNamed("Жамиля")).isEqualTo(1);
  }

  @Test
  void refusesAChunkedBodyOverTheLimitWithContentTooLargeAlsoWhenItCarriesAnIdempotencyKey()
      throws Exception {
    String name = "oversize-keyed-" + "я".repeat(600);
    HttpResponse<String> response =
        send(request(chunked(body(name, 1)), "Idempotency-Key", UUID.randomUUID().toString()));

    assertProblem(response, 413);
    assertThat(things.createdNamed(name)).isZero();
  }

  @Test
  void replaysTheFirstAnswerForARepeatedIdempotencyKeyAndCreatesOnlyOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String name = "Ак кеме " + key;

    HttpResponse<String> first = post(body(name, 3), "Idempotency-Key", key);
    HttpResponse<String> replay = post(body(name, 3), "Idempotency-Key", key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers().firstValue("Location"))
        .isPresent()
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(replay.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(json(first).get("name").asString()).isEqualTo(name);
    assertThat(things.createdNamed(name)).isEqualTo(1);
  }

  @Test
  void refusesAnIdempotencyKeyReusedForADifferentRequest() throws Exception {
    String key = UUID.randomUUID().toString();
    String name = "Кыз Сайкал " + key;
    String other = "Кыз Жибек " + key;

    HttpResponse<String> first = post(body(name, 1), "Idempotency-Key", key);
    HttpResponse<String> reused = post(body(other, 1), "Idempotency-Key", key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertProblem(reused, 422);
    assertThat(errorFields(reused)).containsExactly("Idempotency-Key");
    assertThat(things.createdNamed(name)).isEqualTo(1);
    assertThat(things.createdNamed(other)).isZero();
  }

  @Test
  void reportsReadinessUpWithMongoAndKafkaAsItsComponents() throws Exception {
    HttpResponse<String> response = get("/actuator/health/readiness");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = json(response);
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(fieldNames(health.get("components")))
        .containsExactlyInAnyOrder("readinessState", "mongo", "kafka");
    assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");
  }

  @Test
  void reportsMongoAndKafkaUpInTheOverallHealth() throws Exception {
    HttpResponse<String> response = get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = json(response);
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/mongo/details/ping").asDouble()).isEqualTo(1.0);
    assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/kafka/details/nodes").asInt()).isEqualTo(1);
  }

  // ---- helpers ----

  private static String body(String name, int copies) {
    return JSON.writeValueAsString(Map.of("name", name, "copies", copies));
  }

  /** A body without a declared length: the client sends it chunked. */
  private static BodyPublisher chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
  }

  private HttpRequest request(BodyPublisher body, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(body);
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder.build();
  }

  private HttpResponse<String> post(String json, String... headers)
      throws IOException, InterruptedException {
    return send(request(BodyPublishers.ofString(json), headers));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    return HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
  }

  private static List<String> errorFields(HttpResponse<String> response) {
    List<String> fields = new ArrayList<>();
    JsonNode errors = json(response).get("errors");
    if (errors != null) {
      errors.forEach(e -> fields.add(e.get("field").asString()));
    }
    return fields;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
