package org.kitepkana.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.kitepkana.platform.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for catalog-service tests: plain JDK HttpClient, JSON in and out. Calls carry
 * a coordinator's bearer token unless {@link #as(String)} or {@link #anonymous()} says otherwise.
 */
public final class CatalogApi {

  /** A response: status, content type and parsed JSON body. */
  public record Answer(
      int status,
      String contentType,
      JsonNode body,
      String raw,
      java.util.Map<String, java.util.List<String>> headers) {

    public Answer(int status, String contentType, JsonNode body, String raw) {
      this(status, contentType, body, raw, java.util.Map.of());
    }

    /** The first value of a response header (case-insensitive), or null. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http;
  private final String base;
  private final String token;

  public CatalogApi(String base) {
    this(HttpClient.newHttpClient(), base, TestTokens.coordinator());
  }

  private CatalogApi(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  /** The same API, called with this bearer token (see {@code TestTokens}). */
  public CatalogApi as(String bearerToken) {
    return new CatalogApi(http, base, bearerToken);
  }

  /** The same API, called without a token. */
  public CatalogApi anonymous() {
    return new CatalogApi(http, base, null);
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
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

  /** PUT with extra request headers (a {@code traceparent}, say). */
  public Answer put(String path, String json, java.util.Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return send(request);
  }

  public Answer registerBranch(String id, String name, String type, String parentId) {
    return post(
        "/api/catalog/branches",
        """
        {"id": "%s", "name": "%s", "type": "%s", "parentId": %s, "district": "Нарын",
         "address": "Нарын ш.", "languages": ["ky", "ru"]}
        """
            .formatted(id, name, type, parentId == null ? "null" : "\"" + parentId + "\""));
  }

  public Answer sync(String branchId, String batchId, String itemsJson) {
    return put(
        "/api/catalog/branches/" + branchId + "/sync-batches/" + batchId,
        "{\"items\": " + itemsJson + "}");
  }

  private Answer send(HttpRequest.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String raw = response.body();
      JsonNode body = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          body,
          raw,
          response.headers().map());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
