package org.kitepkana.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for catalog-service tests: plain JDK HttpClient, JSON in and out. */
public final class CatalogApi {

  /** A response: status, content type and parsed JSON body. */
  public record Answer(int status, String contentType, JsonNode body, String raw) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public CatalogApi(String base) {
    this.base = base;
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
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String raw = response.body();
      JsonNode body = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          body,
          raw);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
