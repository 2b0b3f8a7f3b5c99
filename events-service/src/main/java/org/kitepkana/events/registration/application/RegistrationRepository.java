package org.kitepkana.events.registration.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.registration.domain.Registration;
import org.kitepkana.events.registration.domain.RegistrationId;
import org.kitepkana.events.registration.domain.RegistrationStatus;

/**
 * Registrations, in events-service's own store only: nothing here is ever published. Status changes
 * are conditional on the status read, so a cancellation and a promotion cannot both win.
 */
public interface RegistrationRepository {

  void insert(Registration registration);

  Optional<Registration> find(RegistrationId id);

  Map<RegistrationId, Registration> find(Collection<RegistrationId> ids);

  /** Every registration of the event, by arrival. Not a hot path (a scan on the embedded store). */
  List<Registration> byEvent(EventId event);

  /** Sets the status and arrival order if the status is still {@code from}. */
  boolean changeStatus(RegistrationId id, RegistrationStatus from, RegistrationStatus to, Long seq);

  void delete(RegistrationId id);

  /** Blanks name and contact, keeps the status; false if there is no such registration. */
  boolean erase(RegistrationId id, Instant now);

  /** Blanks every registration with this contact key; returns how many. */
  long eraseContact(String contactKey, Instant now);
}
