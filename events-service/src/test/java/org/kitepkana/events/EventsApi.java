package org.kitepkana.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.kitepkana.platform.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for events-service tests: plain JDK HttpClient, JSON in and out. Calls carry
 * a coordinator's bearer token unless {@link #as(String)} or {@link #anonymous()} says otherwise.
 */
public final class EventsApi {

  /** A response: status, content type, parsed JSON body (null if not JSON) and raw text. */
  public record Answer(int status, String contentType, JsonNode body, String raw) {}

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http;
  private final String base;
  private final String token;

  public EventsApi(String base) {
    this(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        base,
        TestTokens.coordinator());
  }

  private EventsApi(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  /** The same API, called with this bearer token (see {@code TestTokens}). */
  public EventsApi as(String bearerToken) {
    return new EventsApi(http, base, bearerToken);
  }

  /** The same API, called without a token, as the public. */
  public EventsApi anonymous() {
    return new EventsApi(http, base, null);
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
  }

  public Answer get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
  }

  public Answer post(String path, String json) {
    return post(path, json, Map.of());
  }

  public Answer post(String path, String json, Map<String, String> headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
        headers);
  }

  public Answer put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
        Map.of());
  }

  /** A library event body; {@code extra} is spliced in as further JSON members. */
  public static String event(
      String branchId, String room, String start, String end, int capacity, String extra) {
    return """
        {"title": {"ky": "Укуктук сабаттуулук күнү", "ru": "День правовой грамотности", "en": null},
         "description": {"ru": "Консультации юриста для жителей района"},
         "type": "LEGAL_CONSULTATION", "audience": "ADULTS",
         "branchId": "%s", "room": "%s", "start": "%s", "end": "%s", "capacity": %d,
         "organiser": "Юрист айыл өкмөтү"%s}
        """
        .formatted(
            branchId,
            room,
            start,
            end,
            capacity,
            extra == null || extra.isBlank() ? "" : ", " + extra);
  }

  private Answer send(HttpRequest.Builder request, Map<String, String> headers) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String raw = response.body();
      JsonNode body = null;
      String type = response.headers().firstValue("Content-Type").orElse(null);
      if (raw != null && !raw.isBlank() && type != null && type.contains("json")) {
        body = JSON.readTree(raw);
      }
      return new Answer(response.statusCode(), type, body, raw);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
