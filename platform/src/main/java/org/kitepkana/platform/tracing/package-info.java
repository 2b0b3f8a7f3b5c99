/**
 * W3C trace context across the outbox and Kafka: captured when an event is made, stored with the
 * pending event, continued by the relay's producer span and sent as the {@code traceparent} header
 * (and CloudEvents attribute), from which the platform's listener containers continue the trace.
 */
package org.kitepkana.platform.tracing;
