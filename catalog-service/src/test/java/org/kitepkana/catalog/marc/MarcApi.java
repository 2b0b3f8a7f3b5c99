package org.kitepkana.catalog.marc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.kitepkana.platform.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP for MARC import tests: raw-body uploads, job status, CSV and MARCXML downloads. Calls carry
 * a coordinator's bearer token unless {@link #as(String)} or {@link #anonymous()} says otherwise.
 */
public final class MarcApi {

  /** An answer: status, headers of interest, body as text and (when JSON) parsed. */
  public record Answer(
      int status, String contentType, String location, String raw, JsonNode body) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http;
  private final String base;
  private final String token;

  public MarcApi(String base) {
    this(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        base,
        TestTokens.coordinator());
  }

  private MarcApi(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  /** The same API, called with this bearer token (see {@code TestTokens}). */
  public MarcApi as(String bearerToken) {
    return new MarcApi(http, base, bearerToken);
  }

  /** The same API, called without a token. */
  public MarcApi anonymous() {
    return new MarcApi(http, base, null);
  }

  public Answer upload(String branch, byte[] file, String contentType, String query) {
    return send(
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "/api/catalog/branches/"
                        + branch
                        + "/marc-imports"
                        + (query == null ? "" : "?" + query)))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
  }

  public Answer upload(String branch, byte[] file) {
    return upload(branch, file, "application/marc", null);
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Answer send(HttpRequest.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String type = r.headers().firstValue("Content-Type").orElse(null);
      JsonNode body =
          type != null && type.contains("json") && !r.body().isBlank()
              ? JSON.readTree(r.body())
              : null;
      return new Answer(
          r.statusCode(), type, r.headers().firstValue("Location").orElse(null), r.body(), body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
