package org.kitepkana.partnership;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.kitepkana.platform.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for partnership-service tests: plain JDK HttpClient, JSON in and out. Calls
 * carry a coordinator's bearer token unless {@link #as(String)} or {@link #anonymous()} says
 * otherwise.
 */
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
  private final HttpClient http;
  private final String base;
  private final String token;

  public PartnershipApi(String base) {
    this(HttpClient.newHttpClient(), base, TestTokens.coordinator());
  }

  private PartnershipApi(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  /** The same API, called with this bearer token (see {@code TestTokens}). */
  public PartnershipApi as(String bearerToken) {
    return new PartnershipApi(http, base, bearerToken);
  }

  /** The same API, called without a token, as the public. */
  public PartnershipApi anonymous() {
    return new PartnershipApi(http, base, null);
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
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
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
