package org.kitepkana.platform.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.events.TraceParent;
import org.kitepkana.platform.kafka.CloudEventPublisher;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.kitepkana.platform.testsupport.KafkaTestConsumer.Seen;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox relay's behaviour against a real store and a real broker, whichever a subclass
 * provides (the embedded pair, or Testcontainers images). Each test gets a fresh database and its
 * own topic; relays, publishers and consumers it opens are closed after it.
 */
abstract class OutboxRelayContract {

  static final String COLLECTION = "things";
  static final String SOURCE = "/outbox-it";
  static final String TYPE = "kitepkana.test.thing.changed";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The JSON body the tests put on the wire; Cyrillic on purpose. */
  record ThingChanged(String title, String branch, int seq) {}

  protected MongoDatabase database;
  protected MongoCollection<Document> things;
  protected String topic;
  protected EventEnvelopes envelopes;
  private MongoClient client;
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** A MongoDB URI naming a database no other test uses. */
  protected abstract String mongoUri();

  protected abstract String kafkaBootstrap();

  @BeforeEach
  void connect() throws Exception {
    String uri = mongoUri();
    client = MongoClients.create(uri);
    database = client.getDatabase(new ConnectionString(uri).getDatabase());
    things = database.getCollection(COLLECTION);
    topic = "it.things." + UUID.randomUUID().toString().substring(0, 8) + ".v1";
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    envelopes = new EventEnvelopes(SOURCE, JSON, Clock.systemUTC());
  }

  @AfterEach
  void closeEverythingOpened() throws Exception {
    List<AutoCloseable> reversed = new ArrayList<>(opened);
    Collections.reverse(reversed);
    for (AutoCloseable c : reversed) {
      c.close();
    }
    opened.clear();
    if (client != null) {
      client.close();
    }
  }

  @Test
  void publishesEventsAppendedWithAChangeInOrderAsBinaryCloudEventsKeyedByAggregateThenPullsThem() {
    OutboxRelay relay = startRelay("relay-a", kafkaBootstrap(), Duration.ofMinutes(10));
    KafkaTestConsumer consumer = consumer();

    List<EventEnvelope> events =
        change(
            "naryn-oblast-1",
            "catalogued",
            new ThingChanged("Манас", "Нарын облустук китепканасы", 1),
            new ThingChanged("Жамиля — Чыңгыз Айтматов", "Кочкор", 2),
            new ThingChanged("Ак кеме", "Ат-Башы айылдык китепканасы", 3));
    relay.wake(COLLECTION, List.of("naryn-oblast-1"));

    List<Seen> seen = awaitRecords(consumer, 3);
    assertThat(seen).extracting(s -> s.header("ce_id")).containsExactlyElementsOf(ids(events));
    for (int i = 0; i < events.size(); i++) {
      EventEnvelope sent = events.get(i);
      Seen record = seen.get(i);
      assertThat(record.key()).isEqualTo("naryn-oblast-1");
      assertThat(record.header("ce_specversion")).isEqualTo("1.0");
      assertThat(record.header("ce_type")).isEqualTo(TYPE);
      assertThat(record.header("ce_source")).isEqualTo(SOURCE);
      assertThat(record.header("ce_subject")).isEqualTo("naryn-oblast-1");
      assertThat(record.header("ce_dataschema")).isEqualTo("schemas/" + TYPE + ".json");
      assertThat(record.header("content-type")).isEqualTo("application/json");
      assertThat(OffsetDateTime.parse(record.header("ce_time")).toInstant())
          .isEqualTo(sent.time().truncatedTo(ChronoUnit.MILLIS));
      assertThat(record.body()).isEqualTo(sent.data());
    }
    assertThat(seen.get(0).body()).contains("\"title\":\"Манас\"", "Нарын облустук китепканасы");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Document doc = things.find(eq("_id", "naryn-oblast-1")).first();
              assertThat(doc.getString("state")).isEqualTo("catalogued");
              assertThat(doc.getList(Outbox.PENDING, Document.class)).isEmpty();
              assertThat(doc).doesNotContainKey(Outbox.LEASE);
            });
  }

  @Test
  void outboxWritesInsertAnAggregateWithItsEventsAndUpdateItOnlyAtTheVersionRead() {
    OutboxRelay relay = startRelay("relay-writes", kafkaBootstrap(), Duration.ofMinutes(10));
    KafkaTestConsumer consumer = consumer();
    OutboxWrites writes = new OutboxWrites(things, relay);
    EventEnvelope created =
        envelopes.create(topic, "kochkor", TYPE, new ThingChanged("Манас", "Кочкор", 1));
    Document state =
        new Document("_id", "kochkor").append("state", "created").append("version", 1L);

    assertThat(writes.insert(state, List.of(created))).isTrue();
    assertThat(writes.insert(state, List.of(created))).as("the same _id again").isFalse();

    EventEnvelope moved =
        envelopes.create(topic, "kochkor", TYPE, new ThingChanged("Манас", "Ат-Башы", 2));
    Document next = new Document("_id", "kochkor").append("state", "moved").append("version", 2L);
    assertThat(writes.update(next, 2L, List.of(moved))).as("a stale version").isFalse();
    assertThat(writes.update(next, 1L, List.of(moved))).isTrue();
    assertThat(
            writes.update(
                "kochkor",
                2L,
                Updates.set("state", "lent"),
                new Document("state", "created"),
                List.of()))
        .as("a guard that no longer holds")
        .isFalse();

    List<Seen> seen = awaitRecords(consumer, 2);
    assertThat(seen).extracting(s -> s.header("ce_id")).containsExactly(created.id(), moved.id());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Document doc = things.find(eq("_id", "kochkor")).first();
              assertThat(doc.getString("state")).isEqualTo("moved");
              assertThat(doc.get("version", Number.class).longValue()).isEqualTo(2L);
              assertThat(doc.getList(Outbox.PENDING, Document.class)).isEmpty();
            });
  }

  @Test
  void aRelayWithoutTracingPassesTheStoredTraceContextOnUnchanged() {
    OutboxRelay relay = startRelay("relay-untraced", kafkaBootstrap(), Duration.ofMinutes(10));
    KafkaTestConsumer consumer = consumer();
    TraceParent trace =
        new TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "k=v");
    EventEnvelope event =
        envelopes
            .create(topic, "jumgal", TYPE, new ThingChanged("Семетей", "Жумгал", 1))
            .withTrace(trace);

    new OutboxWrites(things, relay)
        .insert(new Document("_id", "jumgal").append("version", 1L), List.of(event));

    Seen record = awaitRecords(consumer, 1).get(0);
    assertThat(record.header("traceparent")).isEqualTo(trace.traceparent());
    assertThat(record.header("tracestate")).isEqualTo("k=v");
    assertThat(record.header("ce_traceparent")).isEqualTo(trace.traceparent());
    assertThat(record.header("ce_tracestate")).isEqualTo("k=v");
  }

  // ---- helpers for the scenarios ----

  /**
   * One update of one document: sets its state and appends events to its outbox, as a repository
   * does. Creates the document when it does not exist.
   */
  protected List<EventEnvelope> change(String id, String state, ThingChanged... bodies) {
    List<EventEnvelope> events =
        Arrays.stream(bodies).map(b -> envelopes.create(topic, id, TYPE, b)).toList();
    things.updateOne(
        eq("_id", id),
        Updates.combine(Updates.set("state", state), Outbox.append(events)),
        new UpdateOptions().upsert(true));
    return events;
  }

  protected OutboxRelay startRelay(String owner, String bootstrap, Duration sweepInterval) {
    return startRelay(
        owner,
        publisher(bootstrap, Map.of()),
        properties(sweepInterval, Duration.ofSeconds(60)),
        new OutboxMetrics(new SimpleMeterRegistry()));
  }

  protected OutboxRelay startRelay(
      String owner,
      CloudEventPublisher publisher,
      OutboxProperties properties,
      OutboxMetrics metrics) {
    OutboxRelay relay =
        new OutboxRelay(database, publisher, properties, metrics, Clock.systemUTC(), owner);
    relay.start();
    opened.add(relay::stop);
    return relay;
  }

  protected CloudEventPublisher publisher(String bootstrap, Map<String, Object> overrides) {
    Map<String, Object> props = new HashMap<>(overrides);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    CloudEventPublisher publisher = new CloudEventPublisher(props);
    opened.add(publisher);
    return publisher;
  }

  protected static OutboxProperties properties(Duration sweepInterval, Duration lease) {
    return new OutboxProperties(
        List.of(COLLECTION), 500, sweepInterval, sweepInterval, lease, Duration.ofMillis(100));
  }

  protected KafkaTestConsumer consumer() {
    KafkaTestConsumer consumer = new KafkaTestConsumer(kafkaBootstrap(), topic);
    opened.add(consumer);
    return consumer;
  }

  protected static List<Seen> awaitRecords(KafkaTestConsumer consumer, int atLeast) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(consumer::poll, seen -> seen.size() >= atLeast);
  }

  /** Events still waiting in the outboxes of all documents of the collection. */
  protected long pendingEvents() {
    long pending = 0;
    for (Document doc : things.find()) {
      pending += doc.getList(Outbox.PENDING, Document.class, List.of()).size();
    }
    return pending;
  }

  protected long leasedDocuments() {
    return things.countDocuments(exists(Outbox.LEASE));
  }

  protected static List<String> ids(List<EventEnvelope> events) {
    return events.stream().map(EventEnvelope::id).toList();
  }

  protected static int seq(Seen record) {
    return JSON.readTree(record.body()).get("seq").asInt();
  }
}
