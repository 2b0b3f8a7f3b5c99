package org.kitepkana.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the partnership demo data of the demo region over HTTP (through the gateway, or straight to
 * partnership-service without one), after {@link DemoDataLoader} has registered the branches:
 * partners with contacts, their agreements, about 25 years of projects (2001-2025, mostly
 * mono-projects, local government the leading partner) taken through their lifecycle with
 * contributions and evaluations, and media publications.
 *
 * <p>Demo records are marked: every partner name and project title starts with {@value #MARK}.
 * Resources under {@code demo/partnerships/}: {@code partners.json}, {@code agreements.json},
 * {@code projects.json}, {@code publications.json}; they refer to each other by a local {@code
 * key}, which this loader resolves to the ids the service assigns. Every write carries a stable
 * {@code Idempotency-Key}, so loading twice into the same store changes nothing.
 */
public final class PartnershipsDemoLoader {

  /** The prefix of every demo partner's name and every demo project's title. */
  public static final String MARK = "[demo] ";

  static final String FOLDER = "/demo/partnerships/";
  static final Duration LIBRARY_WAIT = Duration.ofSeconds(90);

  /** What was loaded. */
  public record Summary(int partners, int agreements, int projects, int publications) {
    @Override
    public String toString() {
      return String.format(
          "%d partners, %d agreements, %d projects, %d publications",
          partners, agreements, projects, publications);
    }
  }

  private final PrintStream log;
  private final DemoHttp http;
  private final Map<String, String> partnerIds = new HashMap<>();
  private final Map<String, String> projectIds = new HashMap<>();

  /**
   * @param baseUrl the gateway, or partnership-service itself
   */
  public PartnershipsDemoLoader(URI baseUrl, PrintStream log) {
    this(baseUrl, log, null);
  }

  /**
   * @param baseUrl the gateway, or partnership-service itself
   * @param bearerToken a coordinator's access token sent with every request, or {@code null}
   */
  public PartnershipsDemoLoader(URI baseUrl, PrintStream log, String bearerToken) {
    this.log = log;
    this.http = new DemoHttp(baseUrl, bearerToken);
  }

  /**
   * Loads the partnership demo data into a running stack if partnership-service runs: through the
   * gateway when it runs, else straight to the service.
   */
  public static void loadInto(Devstack stack, URI target, PrintStream log) {
    if (!stack.isRunning("partnerships")) {
      log.println("devstack: partnership demo data skipped: partnerships is not running");
      return;
    }
    URI via =
        stack.isRunning(Services.GATEWAY.name())
            ? target
            : URI.create(stack.serviceUrl("partnerships"));
    Summary summary = new PartnershipsDemoLoader(via, log, stack.token("coordinator")).load();
    log.println("devstack: partnership demo data: " + summary);
  }

  public Summary load() {
    JsonNode partners = resource("partners.json");
    JsonNode agreements = resource("agreements.json");
    JsonNode projects = resource("projects.json");
    JsonNode publications = resource("publications.json");
    awaitLibraries(libraryIds(agreements, projects));
    for (JsonNode partner : partners) {
      ObjectNode body = copyWithout(partner, "key");
      JsonNode created = post("/api/partnerships/partners", "partner-" + key(partner), body);
      partnerIds.put(key(partner), created.path("id").asText());
    }
    int agreementCount = 0;
    for (JsonNode agreement : agreements) {
      String partner = partnerId(agreement.path("partner").asText());
      ObjectNode body = copyWithout(agreement, "partner");
      post(
          "/api/partnerships/partners/" + partner + "/agreements",
          "agreement-" + agreementCount++,
          body);
    }
    for (JsonNode project : projects) {
      loadProject(project);
    }
    int publicationCount = 0;
    for (JsonNode publication : publications) {
      ObjectNode body = copyWithout(publication, "outletPartner", "project");
      if (publication.hasNonNull("outletPartner")) {
        body.put("outletPartnerId", partnerId(publication.get("outletPartner").asText()));
      }
      if (publication.hasNonNull("project")) {
        body.put("projectId", projectId(publication.get("project").asText()));
      }
      post("/api/partnerships/publications", "publication-" + publicationCount++, body);
    }
    return new Summary(partners.size(), agreementCount, projects.size(), publicationCount);
  }

  private void loadProject(JsonNode project) {
    String key = key(project);
    ObjectNode body = copyWithout(project, "key", "status", "reason", "evaluation");
    ArrayNode partners = body.putArray("partners");
    for (JsonNode p : project.path("partners")) {
      ObjectNode ref = partners.addObject();
      ref.put("partnerId", partnerId(p.path("partner").asText()));
      ref.set("roles", p.path("roles"));
    }
    ArrayNode contributions = body.putArray("contributions");
    for (JsonNode c : project.path("contributions")) {
      ObjectNode given = copyWithout(c, "partner");
      given.put("partnerId", partnerId(c.path("partner").asText()));
      contributions.add(given);
    }
    String id = post("/api/partnerships/projects", "project-" + key, body).path("id").asText();
    projectIds.put(key, id);
    String status = project.path("status").asText("PROPOSED");
    for (String step : steps(status)) {
      ObjectNode transition = DemoData.JSON.createObjectNode().put("status", step);
      if (project.hasNonNull("reason")) {
        transition.put("reason", project.get("reason").asText());
      }
      post(
          "/api/partnerships/projects/" + id + "/transitions",
          "project-" + key + "-" + step,
          transition);
    }
    if ("EVALUATED".equals(status) && !evaluated(id)) {
      send(
          "PUT",
          "/api/partnerships/projects/" + id + "/evaluation",
          null,
          (ObjectNode) project.get("evaluation"));
    }
  }

  /** Whether the project was evaluated already (by an earlier load into the same store). */
  private boolean evaluated(String projectId) {
    HttpResponse<String> r = send(request("/api/partnerships/projects/" + projectId).GET());
    try {
      return r.statusCode() == 200
          && "EVALUATED".equals(DemoData.JSON.readTree(r.body()).path("status").asText());
    } catch (IOException e) {
      throw new DevstackException(
          "demo data: unreadable project " + projectId + ": " + r.body(), e);
    }
  }

  /** The lifecycle steps from PROPOSED to a final demo status. */
  static List<String> steps(String status) {
    switch (status) {
      case "PROPOSED":
        return List.of();
      case "APPROVED":
        return List.of("APPROVED");
      case "ACTIVE":
        return List.of("APPROVED", "ACTIVE");
      case "COMPLETED":
      case "EVALUATED":
        return List.of("APPROVED", "ACTIVE", "COMPLETED");
      case "REJECTED":
        return List.of("REJECTED");
      case "CANCELLED":
        return List.of("CANCELLED");
      default:
        throw new DevstackException("demo data: unknown project status " + status);
    }
  }

  /** Every library id the demo data names, so the loader can wait for the service to know them. */
  static Set<String> libraryIds(JsonNode agreements, JsonNode projects) {
    Set<String> ids = new LinkedHashSet<>();
    agreements.forEach(a -> a.path("libraryIds").forEach(l -> ids.add(l.asText())));
    for (JsonNode p : projects) {
      ids.add(p.path("leadLibraryId").asText());
      p.path("participatingLibraryIds").forEach(l -> ids.add(l.asText()));
    }
    return ids;
  }

  /**
   * partnership-service learns the branches from catalog-service's topic, a moment after they were
   * registered: wait until it knows every library the demo data names.
   */
  private void awaitLibraries(Set<String> needed) {
    Instant deadline = Instant.now().plus(LIBRARY_WAIT);
    Set<String> missing = new LinkedHashSet<>(needed);
    while (true) {
      HttpResponse<String> r = send(request("/api/partnerships/libraries").GET());
      if (r.statusCode() == 200) {
        try {
          for (JsonNode library : DemoData.JSON.readTree(r.body())) {
            missing.remove(library.path("id").asText());
          }
        } catch (IOException e) {
          throw new DevstackException("demo data: unreadable library list: " + r.body(), e);
        }
        if (missing.isEmpty()) {
          return;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new DevstackException(
            "demo data: partnership-service does not know libraries "
                + missing
                + " after "
                + LIBRARY_WAIT.toSeconds()
                + " s (last answer HTTP "
                + r.statusCode()
                + ")");
      }
      pause(500);
    }
  }

  private JsonNode post(String path, String idempotencyKey, ObjectNode body) {
    return send("POST", path, idempotencyKey, body);
  }

  private JsonNode send(String method, String path, String idempotencyKey, ObjectNode body) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", "devstack-demo-" + idempotencyKey);
    }
    HttpResponse<String> r = send(request);
    if (r.statusCode() / 100 != 2) {
      throw new DevstackException(
          "demo data: "
              + method
              + " "
              + path
              + " answered HTTP "
              + r.statusCode()
              + ":\n"
              + r.body());
    }
    try {
      return DemoData.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new DevstackException("demo data: unreadable answer to " + path + ": " + r.body(), e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(http.uri(path))
        .header("Accept", "application/json, application/problem+json");
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    return http.send(builder);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("interrupted while loading demo data", e);
    }
  }

  private String partnerId(String key) {
    String id = partnerIds.get(key);
    if (id == null) {
      throw new DevstackException("demo data: no demo partner with key " + key);
    }
    return id;
  }

  private String projectId(String key) {
    String id = projectIds.get(key);
    if (id == null) {
      throw new DevstackException("demo data: no demo project with key " + key);
    }
    return id;
  }

  private static String key(JsonNode node) {
    return node.path("key").asText();
  }

  private static ObjectNode copyWithout(JsonNode node, String... fields) {
    ObjectNode copy = DemoData.JSON.createObjectNode();
    Set<String> skipped = Set.of(fields);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!skipped.contains(field.getKey())) {
        copy.set(field.getKey(), field.getValue());
      }
    }
    return copy;
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return DemoData.JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new DevstackException("cannot serialize demo data", e);
    }
  }

  /** A bundled resource of the partnership demo data. */
  static JsonNode resource(String name) {
    try (InputStream in = PartnershipsDemoLoader.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new DevstackException("demo data: missing resource " + FOLDER + name);
      }
      return DemoData.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FOLDER + name, e);
    }
  }
}
