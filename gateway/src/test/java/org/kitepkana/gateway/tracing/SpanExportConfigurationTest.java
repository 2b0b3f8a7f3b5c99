package org.kitepkana.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class SpanExportConfigurationTest {

  static final SpanExporter NOWHERE =
      new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
          return CompletableResultCode.ofSuccess();
        }
      };

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
