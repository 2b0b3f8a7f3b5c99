package org.kitepkana.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * The demo loaders' HTTP: a coordinator's bearer token on every request, and patience while the
 * platform is still warming up (429 and gateway 5xx answers and refused connections are retried
 * with a growing pause; any other answer is returned as it is).
 */
final class DemoHttp {

  private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
  private static final int ATTEMPTS = 6;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI baseUrl;
  private final String bearerToken;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * @param baseUrl the gateway or a service, e.g. {@code http://127.0.0.1:8080}
   * @param bearerToken a coordinator's access token sent with every request, or {@code null}
   */
  DemoHttp(URI baseUrl, String bearerToken) {
    this.baseUrl = baseUrl;
    this.bearerToken = bearerToken;
  }

  /** {@code path} (starting with a slash) below the base URL. */
  URI uri(String path) {
    String base = baseUrl.toString();
    return URI.create(
        base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
  }

  HttpResponse<String> send(HttpRequest.Builder builder) {
    if (bearerToken != null) {
      builder.header("Authorization", "Bearer " + bearerToken);
    }
    HttpRequest request = builder.timeout(TIMEOUT).build();
    long backoff = 500;
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!RETRYABLE.contains(r.statusCode()) || attempt == ATTEMPTS) {
          return r;
        }
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw new DevstackException(
              "demo data: " + request.method() + " " + request.uri() + " failed: " + e, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DevstackException("interrupted while loading demo data", e);
      }
      pause(backoff);
      backoff = Math.min(4000, backoff * 2);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("interrupted while loading demo data", e);
    }
  }
}
