/**
 * Kafka on both sides: the CloudEvents publisher used by the outbox relay, and the consumer kit (a
 * listener container factory with dead-letter topics, its batch form for busy read models with
 * {@link org.kitepkana.platform.kafka.EventBatches}, and the processed-ids store that makes
 * listeners idempotent, one event or one batch at a time).
 */
package org.kitepkana.platform.kafka;
