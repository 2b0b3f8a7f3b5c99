package org.kitepkana.gateway.tracing;

import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanProcessors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Span processors only when something exports spans. Boot registers its batch span processor
 * whether or not an exporter exists; without one (devstack, and production until {@code
 * management.opentelemetry.tracing.export.otlp.endpoint} is set) it queued every request's span and
 * handed the batches to an empty list of exporters. The trace itself does not depend on it: the
 * span is still started, continued from the client's {@code traceparent}, passed on to the service
 * and named in {@code X-Trace-Id}.
 */
@Configuration(proxyBeanMethods = false)
class SpanExportConfiguration {

  @Bean
  SpanProcessors spanProcessors(
      ObjectProvider<SpanExporter> exporters, ObjectProvider<SpanProcessor> processors) {
    if (exporters.stream().findAny().isEmpty()) {
      return SpanProcessors.of(List.of());
    }
    return SpanProcessors.of(processors.orderedStream().toList());
  }
}
