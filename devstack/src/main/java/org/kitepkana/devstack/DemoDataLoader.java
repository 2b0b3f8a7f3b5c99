package org.kitepkana.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Loads {@link DemoData} over HTTP (through the gateway): {@code POST /api/catalog/branches} for
 * each branch (409 = already there), then one {@code PUT .../sync-batches/demo-<branch>-v1} per
 * branch. Any other non-2xx answer fails with the response printed.
 */
public final class DemoDataLoader {

  /** What was loaded. */
  public record Summary(
      int branchesCreated,
      int branchesExisting,
      int batches,
      int applied,
      int unchanged,
      int rejected) {
    @Override
    public String toString() {
      return String.format(
          "%d branches created, %d already there; %d sync batches: %d items applied, %d unchanged,"
              + " %d rejected",
          branchesCreated, branchesExisting, batches, applied, unchanged, rejected);
    }
  }

  private final PrintStream log;
  private final DemoHttp http;

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:8080} (the gateway)
   */
  public DemoDataLoader(URI baseUrl, PrintStream log) {
    this(baseUrl, log, null);
  }

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:8080} (the gateway)
   * @param bearerToken a coordinator's access token sent with every request, or {@code null}
   */
  public DemoDataLoader(URI baseUrl, PrintStream log, String bearerToken) {
    this.log = log;
    this.http = new DemoHttp(baseUrl, bearerToken);
  }

  public Summary load(DemoData data) {
    int created = 0;
    int existing = 0;
    for (DemoData.Branch branch : data.branches()) {
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(uri("/api/catalog/branches"))
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json, application/problem+json")
                  .header("Idempotency-Key", "devstack-demo-branch-" + branch.id())
                  .POST(body(data.branchJson(branch.id()))));
      if (r.statusCode() == 409) {
        existing++;
      } else if (is2xx(r)) {
        created++;
      } else {
        throw failure("POST /api/catalog/branches (" + branch.id() + ")", r);
      }
    }
    int batches = 0;
    int applied = 0;
    int unchanged = 0;
    int rejected = 0;
    for (DemoData.Branch branch : data.branches()) {
      JsonNode batch = data.holdingsJson(branch.id());
      if (batch == null) {
        continue;
      }
      String path =
          "/api/catalog/branches/"
              + enc(branch.id())
              + "/sync-batches/"
              + enc(DemoData.batchId(branch.id()));
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json, application/problem+json")
                  .PUT(body(batch)));
      if (!is2xx(r)) {
        throw failure("PUT " + path, r);
      }
      batches++;
      try {
        JsonNode result = DemoData.JSON.readTree(r.body());
        applied += result.path("applied").asInt();
        unchanged += result.path("unchanged").asInt();
        int rej = result.path("rejected").asInt();
        rejected += rej;
        if (rej > 0) {
          log.println(
              "devstack: WARNING "
                  + rej
                  + " demo item(s) rejected in "
                  + path
                  + ": "
                  + rejectedItems(result));
        }
      } catch (IOException e) {
        log.println("devstack: WARNING unexpected response to " + path + ": " + r.body());
      }
    }
    return new Summary(created, existing, batches, applied, unchanged, rejected);
  }

  private static String rejectedItems(JsonNode result) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode item : result.path("items")) {
      if ("REJECTED".equals(item.path("status").asText())) {
        sb.append(System.lineSeparator()).append("  ").append(item);
      }
    }
    return sb.toString();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return http.send(request);
  }

  private static DevstackException failure(String what, HttpResponse<String> r) {
    return new DevstackException(
        "demo data: " + what + " answered HTTP " + r.statusCode() + ":\n" + r.body());
  }

  private static boolean is2xx(HttpResponse<?> r) {
    return r.statusCode() / 100 == 2;
  }

  private URI uri(String path) {
    return http.uri(path);
  }

  private static HttpRequest.BodyPublisher body(JsonNode json) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(DemoData.JSON.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new DevstackException("cannot serialize demo data", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
