/**
 * Registrations of readers for library events: personal data (name, contact) that never leaves
 * events-service, a status decided by the seat ledger, and a cancellation token for the reader.
 */
package org.kitepkana.events.registration.domain;
