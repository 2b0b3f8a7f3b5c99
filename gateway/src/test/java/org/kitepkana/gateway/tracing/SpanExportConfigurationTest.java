package org.kitepkana.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class SpanExportConfigurationTest {

  /** OpenTelemetry's exporter of nothing: a composite of no exporters. */
  static final SpanExporter NOWHERE = SpanExporter.composite();

  static List<SpanProcessor> processors(Map<String, Object> beans) {
    StaticListableBeanFactory context = new StaticListableBeanFactory(beans);
    List<SpanProcessor> processors = new ArrayList<>();
    new SpanExportConfiguration()
        .spanProcessors(
            context.getBeanProvider(SpanExporter.class),
            context.getBeanProvider(SpanProcessor.class))
        .forEach(processors::add);
    return processors;
  }

  @Test
  void withoutAnExporterNoSpanIsQueued() {
    SpanProcessor batch = SimpleSpanProcessor.create(NOWHERE);

    assertThat(processors(Map.of("otelSpanProcessor", batch))).isEmpty();
  }

  @Test
  void withAnExporterTheProcessorsStay() {
    SpanProcessor batch = SimpleSpanProcessor.create(NOWHERE);

    assertThat(processors(Map.of("otlp", NOWHERE, "otelSpanProcessor", batch)))
        .containsExactly(batch);
  }
}
