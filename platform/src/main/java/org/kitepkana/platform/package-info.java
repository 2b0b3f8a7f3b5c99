/**
 * The Kitepkana platform kit: what every service uses to keep the architecture's guarantees
 * (durable writes, at-least-once ordered publication through an outbox, idempotent consumers with
 * dead letters, problem+json errors, idempotency keys, truthful health and metrics).
 */
package org.kitepkana.platform;
