package org.kitepkana.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP as an outside client sees the platform: JDK HttpClient, JSON text in and out. Calls carry a
 * coordinator's bearer token from the devstack issuer unless {@link #as(String)}, {@link
 * #withToken(String)} or {@link #anonymous()} says otherwise.
 */
final class GatewayClient {

  /** A response. */
  record Answer(int status, String contentType, JsonNode body, String raw) {
    boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }
  }

  static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http;
  private final String base;
  private final String token;

  /** A coordinator's client. */
  GatewayClient(String base) {
    this(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        base,
        Platform.token("coordinator"));
  }

  private GatewayClient(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  /**
   * The same client acting as a devstack demo client: {@code coordinator}, {@code
   * partnership-officer}, {@code subscriber} or {@code librarian-<branchId>}.
   */
  GatewayClient as(String clientId) {
    return new GatewayClient(http, base, Platform.token(clientId));
  }

  /** The same client with any bearer token (a forged or expired one, say). */
  GatewayClient withToken(String bearerToken) {
    return new GatewayClient(http, base, bearerToken);
  }

  /** The same client without a token: the public. */
  GatewayClient anonymous() {
    return new GatewayClient(http, base, null);
  }

  /** The bearer token this client sends, or {@code null}. */
  String token() {
    return token;
  }

  Answer send(String method, String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
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

  /** PUT with extra request headers (a {@code traceparent}, say). */
  Answer put(String path, String body, java.util.Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return send(request);
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
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
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
