/**
 * Tracing at the edge: Micrometer Tracing (OpenTelemetry) continues or starts a W3C trace for every
 * exchange and Spring Cloud Gateway passes its {@code traceparent} on to the service; the response
 * names the trace in {@code X-Trace-Id}.
 */
package org.kitepkana.gateway.tracing;
