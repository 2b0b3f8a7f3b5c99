package org.kitepkana.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP as an outside client sees the platform: JDK HttpClient, JSON text in and out. */
final class GatewayClient {

  /** A response. */
  record Answer(int status, String contentType, JsonNode body, String raw) {
    boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }
  }

  static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  GatewayClient(String base) {
    this.base = base;
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Answer post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  Answer put(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  Answer registerBranch(String id, String name, String type, String parentId) {
    return post(
        "/api/catalog/branches",
        """
        {"id": "%s", "name": "%s", "type": "%s", "parentId": %s, "district": "Нарын",
         "address": "Нарын облусу", "languages": ["ky", "ru"]}
        """
            .formatted(id, name, type, parentId == null ? "null" : "\"" + parentId + "\""));
  }

  Answer sync(String branchId, String batchId, String itemsJson) {
    return put(
        "/api/catalog/branches/" + branchId + "/sync-batches/" + batchId,
        "{\"items\": " + itemsJson + "}");
  }

  static String upsert(
      String itemId, String title, String author, String isbn, int year, int copies) {
    return """
        {"op": "UPSERT", "itemId": "%s", "callNumber": "84(2Ки)", "copies": %d, "location": "абонемент",
         "description": {"title": "%s", "authors": ["%s"], "isbn": %s, "year": %d,
                         "language": "ky", "publisher": "Бийиктик", "kind": "BOOK"}}
        """
        .formatted(itemId, copies, title, author, isbn == null ? "null" : "\"" + isbn + "\"", year);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String raw = response.body();
      JsonNode body = null;
      if (raw != null && !raw.isBlank()) {
        try {
          body = JSON.readTree(raw);
        } catch (RuntimeException notJson) {
          body = null;
        }
      }
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          body,
          raw);
    } catch (java.io.IOException e) {
      return new Answer(-1, null, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
