package org.kitepkana.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventEnvelopeTest {

  private static final Instant NOW = Instant.parse("2025-03-21T09:30:15.123Z");

  record BookLent(String title, int copies) {}

  private final EventEnvelopes envelopes =
      new EventEnvelopes(
          "/catalog-service", JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void createsAnEnvelopeKeyedAndSubjectedByTheAggregateWithSourceSchemaTimeAndJsonBody() {
    EventEnvelope envelope =
        envelopes.create(
            "catalog.records.v1",
            "rec-42",
            "kitepkana.catalog.record.created",
            new BookLent("Манас", 3));

    assertThat(envelope.id()).isNotBlank();
    assertThat(envelope.topic()).isEqualTo("catalog.records.v1");
    assertThat(envelope.key()).isEqualTo("rec-42");
    assertThat(envelope.subject()).isEqualTo("rec-42");
    assertThat(envelope.source()).isEqualTo("/catalog-service");
    assertThat(envelope.type()).isEqualTo("kitepkana.catalog.record.created");
    assertThat(envelope.dataschema()).isEqualTo("schemas/kitepkana.catalog.record.created.json");
    assertThat(envelope.time()).isEqualTo(NOW);
    assertThat(envelope.data()).isEqualTo("{\"title\":\"Манас\",\"copies\":3}");
  }

  @Test
  void givesEveryEnvelopeAFreshId() {
    EventEnvelope first = envelopes.create("t", "a", "x", new BookLent("a", 1));
    EventEnvelope second = envelopes.create("t", "a", "x", new BookLent("a", 1));

    assertThat(first.id()).isNotEqualTo(second.id());
  }

  @Test
  void survivesTheRoundTripThroughTheOutboxDocumentUnchanged() {
    EventEnvelope envelope =
        envelopes.create(
            "catalog.records.v1",
            "rec-7",
            "kitepkana.catalog.holding.added",
            new BookLent("Жамиля", 1));

    Document stored = Document.parse(envelope.toDocument().toJson());

    assertThat(EventEnvelope.fromDocument(stored)).isEqualTo(envelope);
  }

  @Test
  void storesTheTraceContextOfTheChangeWithTheEventInTheOutboxDocument() {
    TraceParent trace =
        new TraceParent(
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "kitepkana=t61rcWkgMzE");
    EventEnvelopes traced =
        new EventEnvelopes(
            "/catalog-service",
            JsonMapper.builder().build(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> Optional.of(trace));

    EventEnvelope envelope =
        traced.create("catalog.records.v1", "rec-8", "kitepkana.catalog.holding.added", "{}");
    Document stored = Document.parse(envelope.toDocument().toJson());

    assertThat(envelope.trace()).isEqualTo(trace);
    assertThat(stored.getString("traceparent")).isEqualTo(trace.traceparent());
    assertThat(stored.getString("tracestate")).isEqualTo("kitepkana=t61rcWkgMzE");
    assertThat(EventEnvelope.fromDocument(stored)).isEqualTo(envelope);
  }

  @Test
  void keepsTheOldDocumentShapeForAnEventMadeOutsideAnyTrace() {
    EventEnvelope envelope = envelopes.create("t", "a", "x", new BookLent("a", 1));

    assertThat(envelope.trace()).isNull();
    assertThat(envelope.toDocument()).doesNotContainKeys("traceparent", "tracestate");
  }

  @Test
  void readsAStoredTraceparentThatIsMalformedAsNoTraceRatherThanFailingThePublication() {
    Document stored = envelopes.create("t", "a", "x", new BookLent("a", 1)).toDocument();
    stored.append("traceparent", "garbage");

    assertThat(EventEnvelope.fromDocument(stored).trace()).isNull();
  }

  @Test
  void refusesAnEnvelopeWithoutAnId() {
    assertThatNullPointerException()
        .isThrownBy(() -> new EventEnvelope(null, "t", "k", "type", "/s", "k", null, NOW, "{}"))
        .withMessage("id");
  }
}
