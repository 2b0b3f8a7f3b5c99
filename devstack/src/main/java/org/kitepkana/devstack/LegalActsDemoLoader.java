package org.kitepkana.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the demo legal-acts databank over HTTP (through the gateway, or straight to catalog-service
 * without one), after {@link DemoDataLoader} has registered the branches that keep the acts:
 * resolutions, decisions and orders of keneshes, ayil okmotus, the Naryn city hall and a district
 * administration, some amended or repealed by later acts.
 *
 * <p>Resource {@value #RESOURCE}: each act is the body of {@code POST /api/catalog/legal-acts} plus
 * a local {@code key} and its {@code statusChanges}, which may name the amending or repealing act
 * by its key ({@code byAct}). All acts are registered first, then the status changes applied. Every
 * title starts with {@value PartnershipsDemoLoader#MARK}. Every write carries a stable {@code
 * Idempotency-Key}, so loading twice into the same store changes nothing; an act that is already
 * registered without that key (409) is left as it is. A catalog-service without the databank (404
 * on the first registration) is skipped with a warning.
 */
public final class LegalActsDemoLoader {

  static final String RESOURCE = "/demo/legal-acts.json";
  static final String ACTS = "/api/catalog/legal-acts";

  /** What was loaded. */
  public record Summary(int registered, int existing, int statusChanges) {
    @Override
    public String toString() {
      return String.format(
          "%d legal acts registered, %d already there; %d status changes",
          registered, existing, statusChanges);
    }
  }

  private final URI baseUrl;
  private final PrintStream log;
  private final DemoHttp http;

  /**
   * @param baseUrl the gateway, or catalog-service itself
   * @param bearerToken a coordinator's access token sent with every request, or {@code null}
   */
  public LegalActsDemoLoader(URI baseUrl, PrintStream log, String bearerToken) {
    this.baseUrl = baseUrl;
    this.log = log;
    this.http = new DemoHttp(baseUrl, bearerToken);
  }

  /** Loads the demo acts into a running stack, through {@code target} (gateway or catalog). */
  public static void loadInto(Devstack stack, URI target, PrintStream log) {
    Summary summary = new LegalActsDemoLoader(target, log, stack.token("coordinator")).load();
    log.println("devstack: legal-acts demo data: " + summary);
  }

  public Summary load() {
    JsonNode acts = resource();
    Map<String, String> ids = new HashMap<>();
    Map<String, Long> versions = new HashMap<>();
    int registered = 0;
    int existing = 0;
    for (JsonNode act : acts) {
      String key = act.path("key").asText();
      ObjectNode body = act.deepCopy();
      body.remove("key");
      body.remove("statusChanges");
      HttpResponse<String> r = post(ACTS, "legal-act-" + key, body);
      if (r.statusCode() == 404 && registered + existing == 0) {
        log.println(
            "devstack: WARNING legal-acts demo data skipped: "
                + baseUrl
                + " answers 404 to POST "
                + ACTS
                + " (a catalog-service without the databank)");
        return new Summary(0, 0, 0);
      }
      if (r.statusCode() == 409) {
        existing++;
        log.println("devstack: demo legal act " + key + " is already registered: " + r.body());
        continue;
      }
      JsonNode answer = answer("POST " + ACTS + " (" + key + ")", r);
      ids.put(key, answer.path("id").asText());
      versions.put(key, answer.path("version").asLong());
      registered++;
    }
    int changes = 0;
    for (JsonNode act : acts) {
      String key = act.path("key").asText();
      String id = ids.get(key);
      if (id == null) {
        continue;
      }
      int n = 0;
      for (JsonNode change : act.path("statusChanges")) {
        ObjectNode body = change.deepCopy();
        body.remove("byAct");
        String byAct = ids.get(change.path("byAct").asText(""));
        if (byAct != null) {
          body.put("byActId", byAct);
        }
        body.put("version", versions.get(key));
        String path = ACTS + "/" + id + "/status-changes";
        JsonNode answer =
            answer("POST " + path, post(path, "legal-act-" + key + "-status-" + n++, body));
        versions.put(key, answer.path("version").asLong());
        changes++;
      }
    }
    return new Summary(registered, existing, changes);
  }

  private static JsonNode resource() {
    try (InputStream in = LegalActsDemoLoader.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new DevstackException("demo data: " + RESOURCE + " is missing");
      }
      return DemoData.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private HttpResponse<String> post(String path, String idempotencyKey, ObjectNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri(path))
            .header("Accept", "application/json, application/problem+json")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "devstack-demo-" + idempotencyKey)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    return http.send(request);
  }

  private static JsonNode answer(String what, HttpResponse<String> r) {
    if (r.statusCode() / 100 != 2) {
      throw new DevstackException(
          "demo data: " + what + " answered HTTP " + r.statusCode() + ":\n" + r.body());
    }
    try {
      return DemoData.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new DevstackException("demo data: unreadable answer to " + what + ": " + r.body(), e);
    }
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return DemoData.JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new DevstackException("cannot serialize demo data", e);
    }
  }
}
