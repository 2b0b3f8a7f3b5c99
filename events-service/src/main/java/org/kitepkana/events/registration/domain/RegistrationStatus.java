package org.kitepkana.events.registration.domain;

/**
 * Where a registration stands. {@code PENDING} lasts only while the seat ledger decides (a few
 * milliseconds); then it is {@code CONFIRMED} (within capacity) or {@code WAITLISTED} (in arrival
 * order), and ends {@code CANCELLED} if the reader or staff cancel it.
 */
public enum RegistrationStatus {
  PENDING,
  CONFIRMED,
  WAITLISTED,
  CANCELLED
}
