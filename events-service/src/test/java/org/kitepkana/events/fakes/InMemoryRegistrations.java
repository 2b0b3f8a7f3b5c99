package org.kitepkana.events.fakes;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.registration.application.RegistrationRepository;
import org.kitepkana.events.registration.domain.Registration;
import org.kitepkana.events.registration.domain.RegistrationId;
import org.kitepkana.events.registration.domain.RegistrationStatus;

/** Registrations in memory, status changes conditional on the status read. */
public final class InMemoryRegistrations implements RegistrationRepository {

  private final Map<RegistrationId, Registration> registrations = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Registration registration) {
    registrations.put(registration.id(), registration);
  }

  @Override
  public synchronized Optional<Registration> find(RegistrationId id) {
    return Optional.ofNullable(registrations.get(id));
  }

  @Override
  public synchronized Map<RegistrationId, Registration> find(Collection<RegistrationId> ids) {
    Map<RegistrationId, Registration> found = new LinkedHashMap<>();
    ids.stream()
        .filter(registrations::containsKey)
        .forEach(id -> found.put(id, registrations.get(id)));
    return found;
  }

  @Override
  public synchronized List<Registration> byEvent(EventId event) {
    return registrations.values().stream()
        .filter(r -> r.eventId().equals(event))
        .sorted(Comparator.comparingLong(Registration::seq))
        .toList();
  }

  @Override
  public synchronized boolean changeStatus(
      RegistrationId id, RegistrationStatus from, RegistrationStatus to, Long seq) {
    Registration r = registrations.get(id);
    if (r == null || r.status() != from) {
      return false;
    }
    registrations.put(id, r.withStatus(to, seq == null ? r.seq() : seq));
    return true;
  }

  @Override
  public synchronized void delete(RegistrationId id) {
    registrations.remove(id);
  }

  @Override
  public synchronized boolean erase(RegistrationId id, Instant now) {
    Registration r = registrations.get(id);
    if (r == null) {
      return false;
    }
    registrations.put(id, erased(r, now));
    return true;
  }

  @Override
  public synchronized long eraseContact(String contactKey, Instant now) {
    long n = 0;
    for (Registration r : List.copyOf(registrations.values())) {
      if (r.contact() != null && r.contact().key().equals(contactKey)) {
        registrations.put(r.id(), erased(r, now));
        n++;
      }
    }
    return n;
  }

  private static Registration erased(Registration r, Instant now) {
    return new Registration(
        r.id(),
        r.eventId(),
        null,
        null,
        r.status(),
        r.seq(),
        r.tokenHash(),
        r.registeredAt(),
        r.erasedAt() == null ? now : r.erasedAt());
  }
}
