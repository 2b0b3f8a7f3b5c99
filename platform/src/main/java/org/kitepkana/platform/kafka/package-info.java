/**
 * Kafka on both sides: the CloudEvents publisher used by the outbox relay, and the consumer kit (a
 * listener container factory with dead-letter topics, and the processed-ids store that makes
 * listeners idempotent).
 */
package org.kitepkana.platform.kafka;
