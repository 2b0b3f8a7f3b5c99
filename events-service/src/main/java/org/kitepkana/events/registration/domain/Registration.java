package org.kitepkana.events.registration.domain;

import java.time.Instant;
import java.util.Objects;
import org.kitepkana.events.event.domain.EventId;

/**
 * A reader's registration for a library event. Name and contact are personal data: they live only
 * in events-service's own collection and are blanked on erasure, while the status (and so every
 * count) stays.
 *
 * @param name null once erased
 * @param contact null once erased
 * @param seq the arrival order the store gave it (0 while pending)
 * @param tokenHash hash of the reader's {@link CancellationToken}
 * @param erasedAt null unless the personal data was erased
 */
public record Registration(
    RegistrationId id,
    EventId eventId,
    ReaderName name,
    Contact contact,
    RegistrationStatus status,
    long seq,
    String tokenHash,
    Instant registeredAt,
    Instant erasedAt) {

  public Registration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(registeredAt, "registeredAt");
    if (erasedAt == null && (name == null || contact == null)) {
      throw new IllegalArgumentException("a registration names its reader until erased");
    }
  }

  public boolean isErased() {
    return erasedAt != null;
  }

  public Registration withStatus(RegistrationStatus newStatus, long newSeq) {
    return new Registration(
        id, eventId, name, contact, newStatus, newSeq, tokenHash, registeredAt, erasedAt);
  }
}
