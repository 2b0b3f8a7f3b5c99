/**
 * Tracing at the edge: Micrometer Tracing (OpenTelemetry) continues or starts a W3C trace for every
 * exchange (the server observation), {@link org.kitepkana.gateway.tracing.TraceContextForwarding}
 * passes it on to the service in {@code traceparent}, and the response names the trace in {@code
 * X-Trace-Id}.
 */
package org.kitepkana.gateway.tracing;
