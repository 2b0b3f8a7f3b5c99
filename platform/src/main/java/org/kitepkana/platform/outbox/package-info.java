/**
 * The transactional outbox without multi-document transactions: pending events live in the
 * aggregate's own document, written with the change in one update, and a relay publishes them.
 */
package org.kitepkana.platform.outbox;
