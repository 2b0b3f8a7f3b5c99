package org.kitepkana.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads the events demo data over HTTP (through the gateway, or straight to events-service without
 * one), after {@link DemoDataLoader} has registered the branches: the legal-literacy week campaign
 * "Укуктук сабаттуулук жумалыгы" with its invited branches and their answers, library events of
 * every kind at the demo branches (under the campaign and not, upcoming and past, one cancelled,
 * one draft), registrations beyond capacity (so waitlists and promotions show), and attendance of
 * past events.
 *
 * <p>Dates are relative to the day of loading (the campaign starts on the Monday two weeks ahead),
 * so the demo stays current. Every reader's name starts with {@value #MARK} and every phone number
 * is {@code +996 000 000 NNN}: clearly fake. Resource: {@value #PROGRAMME}. Every write carries an
 * {@code Idempotency-Key} derived from the loading day, so loading twice on one day changes
 * nothing.
 */
public final class EventsDemoLoader {

  /** The prefix of every demo reader's name. */
  public static final String MARK = "Demo: ";

  static final String PROGRAMME = "/demo/events/programme.json";
  static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek");
  static final Duration DIRECTORY_WAIT = Duration.ofSeconds(90);

  /** What was loaded. */
  public record Summary(
      int campaigns, int events, int registrations, int cancellations, int completed) {
    @Override
    public String toString() {
      return String.format(
          "%d campaign, %d library events, %d registrations (%d cancelled), %d completed with"
              + " attendance",
          campaigns, events, registrations, cancellations, completed);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream log;
  private final Clock clock;
  private final DemoHttp http;

  /**
   * @param baseUrl the gateway, or events-service itself
   */
  public EventsDemoLoader(URI baseUrl, PrintStream log, Clock clock) {
    this(baseUrl, log, clock, null);
  }

  /**
   * @param baseUrl the gateway, or events-service itself
   * @param bearerToken a coordinator's access token sent with every request, or {@code null}
   */
  public EventsDemoLoader(URI baseUrl, PrintStream log, Clock clock, String bearerToken) {
    this.http = new DemoHttp(baseUrl, bearerToken);
    this.log = log;
    this.clock = clock;
  }

  /** Loads the events demo data into a running stack if events-service runs. */
  public static void loadInto(Devstack stack, URI target, PrintStream log) {
    if (!stack.isRunning("events")) {
      log.println("devstack: events demo data skipped: events is not running");
      return;
    }
    URI base =
        stack.isRunning(Services.GATEWAY.name()) ? target : URI.create(stack.serviceUrl("events"));
    Summary summary =
        new EventsDemoLoader(base, log, Clock.systemUTC(), stack.token("coordinator")).load();
    log.println("devstack: events demo data: " + summary);
  }

  public Summary load() {
    JsonNode programme = programme();
    LocalDate today = LocalDate.now(clock.withZone(BISHKEK));
    LocalDate weekStart =
        today.plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String keyPrefix = "devstack-demo-events-" + today + "-";
    awaitBranches(branchesOf(programme));

    JsonNode campaign = programme.get("campaign");
    String campaignId = planCampaign(campaign, weekStart, keyPrefix);
    List<String> readers = new ArrayList<>();
    programme.get("readers").forEach(r -> readers.add(r.asText()));

    int events = 0;
    int registrations = 0;
    int cancellations = 0;
    int completed = 0;
    int reader = 0;
    for (JsonNode e : programme.get("events")) {
      String key = keyPrefix + e.get("key").asText();
      LocalDate base = e.get("inCampaign").asBoolean() ? weekStart : today;
      String eventId =
          post("/api/events", eventBody(e, base, campaignId), key, 201).get("eventId").asText();
      events++;
      List<JsonNode> tokens = new ArrayList<>();
      for (int i = 0; i < e.get("registrations").asInt(); i++, reader++) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", readers.get(reader % readers.size()));
        body.put("phone", String.format("+996 000 000 %03d", reader % 1000));
        tokens.add(post("/api/events/" + eventId + "/registrations", body, key + "-reg-" + i, 201));
        registrations++;
      }
      for (int i = 0; i < e.get("cancelRegistrations").asInt(); i++) {
        JsonNode r = tokens.get(i);
        ObjectNode body = JSON.createObjectNode();
        body.put("token", r.get("cancellationToken").asText());
        post(
            "/api/events/"
                + eventId
                + "/registrations/"
                + r.get("registrationId").asText()
                + "/cancel",
            body,
            key + "-cancel-" + i,
            200);
        cancellations++;
      }
      String then = e.path("then").asText("");
      if ("cancel".equals(then)) {
        post("/api/events/" + eventId + "/cancel", JSON.createObjectNode(), key + "-cancel", 200);
      } else if ("complete".equals(then)) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("attendedRegistrationIds");
        body.put("walkIns", e.get("walkIns").asInt());
        post("/api/events/" + eventId + "/attendance", body, key + "-attendance", 200);
        completed++;
      }
    }
    return new Summary(1, events, registrations, cancellations, completed);
  }

  private String planCampaign(JsonNode c, LocalDate weekStart, String keyPrefix) {
    ObjectNode body = JSON.createObjectNode();
    body.set("title", c.get("title"));
    body.put("theme", c.get("theme").asText());
    body.put("start", weekStart.toString());
    body.put("end", weekStart.plusDays(c.get("days").asInt() - 1L).toString());
    body.set("invitedBranchIds", c.get("invited"));
    String id =
        post("/api/events/campaigns", body, keyPrefix + c.get("key").asText(), 201)
            .get("campaignId")
            .asText();
    var answers = c.get("answers").fields();
    while (answers.hasNext()) {
      var answer = answers.next();
      ObjectNode a = JSON.createObjectNode();
      a.put("branchId", answer.getKey());
      a.put("answer", answer.getValue().asText());
      post(
          "/api/events/campaigns/" + id + "/answers",
          a,
          keyPrefix + c.get("key").asText() + "-" + answer.getKey(),
          200);
    }
    return id;
  }

  static ObjectNode eventBody(JsonNode e, LocalDate base, String campaignId) {
    ObjectNode body = JSON.createObjectNode();
    body.set("title", e.get("title"));
    if (!e.path("description").isNull() && !e.path("description").isMissingNode()) {
      body.set("description", e.get("description"));
    }
    body.put("type", e.get("type").asText());
    body.put("audience", e.get("audience").asText());
    body.put("branchId", e.get("branchId").asText());
    body.put("room", e.get("room").asText());
    LocalDate day = base.plusDays(e.get("day").asLong());
    LocalDate endDay =
        e.path("endDay").isNull() || e.path("endDay").isMissingNode()
            ? day
            : base.plusDays(e.get("endDay").asLong());
    body.put("start", at(day, e.get("start").asText()));
    body.put("end", at(endDay, e.get("end").asText()));
    body.put("capacity", e.get("capacity").asInt());
    body.put("registrationRequired", e.get("registrationRequired").asBoolean());
    if (!e.path("organiser").isNull() && !e.path("organiser").isMissingNode()) {
      body.put("organiser", e.get("organiser").asText());
    }
    if (e.get("inCampaign").asBoolean()) {
      body.put("campaignId", campaignId);
    }
    body.put("draft", e.get("draft").asBoolean());
    return body;
  }

  private static String at(LocalDate day, String time) {
    return day.atTime(LocalTime.parse(time)).atZone(BISHKEK).toOffsetDateTime().toString();
  }

  /** Waits until events-service's branch directory (fed from Kafka) knows every branch used. */
  private void awaitBranches(Set<String> needed) {
    Instant deadline = clock.instant().plus(DIRECTORY_WAIT);
    Set<String> known = new HashSet<>();
    while (clock.instant().isBefore(deadline)) {
      HttpResponse<String> r =
          send(HttpRequest.newBuilder(uri("/api/events/directory/branches")).GET());
      if (r.statusCode() == 200) {
        known.clear();
        try {
          JSON.readTree(r.body()).forEach(b -> known.add(b.path("branchId").asText()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (known.containsAll(needed)) {
          return;
        }
      }
      pause(Duration.ofMillis(500));
    }
    Set<String> missing = new LinkedHashSet<>(needed);
    missing.removeAll(known);
    throw new DevstackException(
        "demo data: events-service did not learn the branches "
            + missing
            + " from network.branches.v1 within "
            + DIRECTORY_WAIT.toSeconds()
            + " s");
  }

  private static Set<String> branchesOf(JsonNode programme) {
    Set<String> ids = new LinkedHashSet<>();
    programme.get("campaign").get("invited").forEach(b -> ids.add(b.asText()));
    programme.get("events").forEach(e -> ids.add(e.get("branchId").asText()));
    return ids;
  }

  private JsonNode post(String path, JsonNode body, String idempotencyKey, int expected) {
    HttpResponse<String> r;
    try {
      r =
          send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json, application/problem+json")
                  .header("Idempotency-Key", idempotencyKey)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (r.statusCode() != expected) {
      throw new DevstackException(
          "demo data: POST " + path + " answered HTTP " + r.statusCode() + ":\n" + r.body());
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return http.send(request);
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("interrupted while loading demo data", e);
    }
  }

  private URI uri(String path) {
    return http.uri(path);
  }

  static JsonNode programme() {
    try (InputStream in = EventsDemoLoader.class.getResourceAsStream(PROGRAMME)) {
      if (in == null) {
        throw new IllegalStateException(PROGRAMME + " is missing");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
