package org.kitepkana.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.kitepkana.platform.testsupport.TestTokens;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens in a running service: who the {@link Actor} is for each kind of token, 401
 * problem+json for every token that must not pass, and 401/403 for the application's refusals.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.application.name=token-security-it")
@EmbeddedInfrastructureTest
class TokenSecurityIT {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(WhoController.class)
  static class App {}

  @RestController
  static class WhoController {

    @GetMapping("/who")
    Map<String, String> who(Actor actor) {
      return Map.of(
          "role", actor.role().name(),
          "branch", String.valueOf(actor.branchId()),
          "subject", actor.subject());
    }

    @PostMapping("/branches/{branch}/things")
    ResponseEntity<Map<String, String>> manage(Actor actor, @PathVariable String branch) {
      if (!actor.mayManageBranch(branch)) {
        throw new AccessRefused("only a coordinator or the librarian of " + branch);
      }
      return ResponseEntity.status(201).body(Map.of("id", UUID.randomUUID().toString()));
    }

    @PostMapping("/branches/{branch}/notes")
    @BranchScoped("branch")
    ResponseEntity<Map<String, Object>> note(
        @PathVariable String branch, @RequestBody Map<String, Object> note) {
      return ResponseEntity.status(201).body(note);
    }
  }

  record Answer(int status, HttpResponse<String> response, JsonNode body) {
    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  Answer send(String method, String path, String token, Map<String, String> headers)
      throws Exception {
    return send(method, path, token, headers, "{}");
  }

  Answer send(
      String method, String path, String token, Map<String, String> headers, String requestBody)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.ofString(requestBody))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
    return new Answer(response.statusCode(), response, body);
  }

  Answer who(String token) throws Exception {
    return send("GET", "/who", token, Map.of());
  }

  @Test
  void withoutATokenTheCallerIsAnonymous() throws Exception {
    Answer answer = who(null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("role").asString()).isEqualTo("ANONYMOUS");
  }

  @Test
  void eachRoleIsReadFromItsToken() throws Exception {
    assertThat(who(TestTokens.coordinator()).body().get("role").asString())
        .isEqualTo("COORDINATOR");
    assertThat(who(TestTokens.partnershipOfficer()).body().get("role").asString())
        .isEqualTo("PARTNERSHIP_OFFICER");
    assertThat(who(TestTokens.subscriber()).body().get("role").asString()).isEqualTo("SUBSCRIBER");
    JsonNode librarian = who(TestTokens.librarian("kochkor")).body();
    assertThat(librarian.get("role").asString()).isEqualTo("BRANCH_LIBRARIAN");
    assertThat(librarian.get("branch").asString()).isEqualTo("kochkor");
    assertThat(librarian.get("subject").asString()).isEqualTo("test-librarian-kochkor");
  }

  @Test
  void everyTokenThatMustNotPassGets401ProblemWithABearerChallenge() throws Exception {
    Map<String, String> bad =
        Map.of(
            "expired", TestTokens.expired(),
            "forged", TestTokens.forged(),
            "other issuer", TestTokens.otherIssuer(),
            "wrong audience", TestTokens.wrongAudience(),
            "librarian without branch", TestTokens.librarianWithoutBranch(),
            "no role", TestTokens.token("nobody", List.of("admin"), null),
            "not a JWT", "abc.def.ghi");
    bad.forEach(
        (what, token) -> {
          try {
            Answer answer = who(token);
            assertThat(answer.status()).as(what).isEqualTo(401);
            assertThat(answer.header("Content-Type"))
                .as(what)
                .startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate"))
                .as(what)
                .startsWith("Bearer")
                .contains("error=\"invalid_token\"");
            assertThat(answer.body().get("status").asInt()).as(what).isEqualTo(401);
          } catch (Exception e) {
            throw new AssertionError(what, e);
          }
        });
  }

  @Test
  void aRefusalIs401ForThePublicAnd403ForAnAuthenticatedActor() throws Exception {
    Answer anonymous = send("POST", "/branches/kochkor/things", null, Map.of());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).isEqualTo(SecurityProblems.CHALLENGE);
    assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");

    Answer otherBranch =
        send("POST", "/branches/kochkor/things", TestTokens.librarian("at-bashy"), Map.of());
    assertThat(otherBranch.status()).isEqualTo(403);
    assertThat(otherBranch.header("Content-Type")).startsWith("application/problem+json");
    assertThat(otherBranch.body().get("detail").asString()).contains("kochkor");

    assertThat(
            send("POST", "/branches/kochkor/things", TestTokens.librarian("kochkor"), Map.of())
                .status())
        .isEqualTo(201);
    assertThat(
            send("POST", "/branches/kochkor/things", TestTokens.coordinator(), Map.of()).status())
        .isEqualTo(201);
  }

  @Test
  void aBranchScopedWriteIsRefusedBeforeItsBodyIsRead() throws Exception {
    String malformed = "{\"text\": ";
    Answer otherBranch =
        send(
            "POST",
            "/branches/kochkor/notes",
            TestTokens.librarian("at-bashy"),
            Map.of(),
            malformed);
    assertThat(otherBranch.status()).isEqualTo(403);
    assertThat(otherBranch.header("Content-Type")).startsWith("application/problem+json");
    assertThat(otherBranch.body().get("detail").asString()).contains("kochkor");

    Answer anonymous = send("POST", "/branches/kochkor/notes", null, Map.of(), malformed);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).isEqualTo(SecurityProblems.CHALLENGE);

    // her own branch: past the access decision, so the body is read and found malformed
    assertThat(
            send(
                    "POST",
                    "/branches/kochkor/notes",
                    TestTokens.librarian("kochkor"),
                    Map.of(),
                    malformed)
                .status())
        .isEqualTo(400);
    Answer coordinator =
        send(
            "POST",
            "/branches/kochkor/notes",
            TestTokens.coordinator(),
            Map.of(),
            "{\"text\": \"ok\"}");
    assertThat(coordinator.status()).isEqualTo(201);
    assertThat(coordinator.body().get("text").asString()).isEqualTo("ok");
  }

  @Test
  void aRefusedTokenIsNeverKeptAsTheAnswerToItsIdempotencyKey() throws Exception {
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    assertThat(send("POST", "/branches/naryn/things", TestTokens.forged(), key).status())
        .isEqualTo(401);
    Answer real = send("POST", "/branches/naryn/things", TestTokens.coordinator(), key);
    assertThat(real.status()).isEqualTo(201);
    assertThat(real.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void anIdempotencyKeyBelongsToItsCallerSoAnotherCallerNeverGetsTheFirstAnswer() throws Exception {
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    Answer first = send("POST", "/branches/naryn/things", TestTokens.coordinator(), key);
    Answer replay = send("POST", "/branches/naryn/things", TestTokens.coordinator(), key);
    Answer otherCaller = send("POST", "/branches/naryn/things", TestTokens.librarian("naryn"), key);

    assertThat(replay.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
    assertThat(otherCaller.status()).isEqualTo(201);
    assertThat(otherCaller.header("Idempotent-Replayed")).isNull();
    assertThat(otherCaller.body().get("id").asString())
        .isNotEqualTo(first.body().get("id").asString());
  }
}
