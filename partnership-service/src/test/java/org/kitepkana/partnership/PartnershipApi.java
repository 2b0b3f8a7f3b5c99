package org.kitepkana.partnership;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for partnership-service tests: plain JDK HttpClient, JSON in and out. */
public final class PartnershipApi {

  /** A response: status, content type, parsed JSON body (null if not JSON) and raw text. */
  public record Answer(int status, String contentType, JsonNode body, String raw) {
    public boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    /** The {@code field} of the first entry of a problem's {@code errors}. */
    public String firstErrorField() {
      return body.get("errors").get(0).get("field").asString();
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public PartnershipApi(String base) {
    this.base = base;
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Answer getCsv(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/csv").GET());
  }

  public Answer post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Answer put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String raw = response.body();
      String type = response.headers().firstValue("Content-Type").orElse(null);
      JsonNode body =
          raw == null || raw.isBlank() || type == null || !type.contains("json")
              ? null
              : JSON.readTree(raw);
      return new Answer(response.statusCode(), type, body, raw);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
