package org.kitepkana.events.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.events.event.application.EventQuery;
import org.kitepkana.events.event.application.EventRepository;
import org.kitepkana.events.event.domain.EventChange;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.event.domain.SeatCounts;
import org.kitepkana.events.registration.application.SeatLedger;
import org.kitepkana.events.registration.domain.RegistrationId;

/**
 * Library events and their seat ledgers in memory, with the same rules as the MongoDB adapters (one
 * lock stands in for the store's serialization). Published changes are kept for assertions.
 */
public final class InMemoryEvents implements EventRepository, SeatLedger {

  private static final class Seats {
    int left;
    long seq;
    int confirmed;
    final List<RegistrationId> waitlist = new ArrayList<>();
  }

  private final Map<EventId, LibraryEvent> events = new LinkedHashMap<>();
  private final Map<EventId, Seats> seats = new LinkedHashMap<>();
  public final List<EventChange> published = new ArrayList<>();

  @Override
  public synchronized boolean insert(LibraryEvent event, EventChange change) {
    if (events.containsKey(event.id())) {
      return false;
    }
    events.put(event.id(), event);
    Seats s = new Seats();
    s.left = event.details().capacity();
    seats.put(event.id(), s);
    published.add(change);
    return true;
  }

  @Override
  public synchronized UpdateOutcome update(
      LibraryEvent after, long expectedVersion, EventChange change) {
    LibraryEvent before = events.get(after.id());
    if (before == null || before.version() != expectedVersion) {
      return UpdateOutcome.VERSION_CONFLICT;
    }
    Seats s = seats.get(after.id());
    int delta = after.details().capacity() - before.details().capacity();
    if (s.left + delta < 0) {
      return UpdateOutcome.SEATS_TAKEN;
    }
    s.left += delta;
    events.put(after.id(), after);
    published.add(change);
    return UpdateOutcome.UPDATED;
  }

  @Override
  public synchronized Optional<LibraryEvent> find(EventId id) {
    return Optional.ofNullable(events.get(id)).map(this::withCounts);
  }

  @Override
  public synchronized List<LibraryEvent> find(EventQuery q) {
    return events.values().stream()
        .filter(e -> q.branch() == null || e.details().branchId().equals(q.branch()))
        .filter(e -> q.campaign() == null || q.campaign().equals(e.details().campaignId()))
        .filter(e -> q.from() == null || e.details().slot().end().isAfter(q.from()))
        .filter(e -> q.to() == null || e.details().slot().start().isBefore(q.to()))
        .filter(e -> q.statuses() == null || q.statuses().contains(e.status()))
        .sorted(Comparator.comparing(e -> e.details().slot().start()))
        .map(this::withCounts)
        .toList();
  }

  private LibraryEvent withCounts(LibraryEvent e) {
    Seats s = seats.get(e.id());
    return e.withSeats(new SeatCounts(s.confirmed, s.waitlist.size()));
  }

  @Override
  public synchronized Claim claim(EventId event, RegistrationId registration) {
    LibraryEvent e = events.get(event);
    if (e == null || !e.status().isOpen() || !e.details().registrationRequired()) {
      return new Claim.Closed();
    }
    Seats s = seats.get(event);
    s.seq++;
    if (s.left > 0 && s.waitlist.isEmpty()) {
      s.left--;
      s.confirmed++;
      return new Claim.Confirmed(s.seq);
    }
    s.waitlist.add(registration);
    return new Claim.Waitlisted(s.seq, s.waitlist.size());
  }

  @Override
  public synchronized boolean leaveWaitlist(EventId event, RegistrationId registration) {
    return seats.get(event).waitlist.remove(registration);
  }

  @Override
  public synchronized void releaseSeat(EventId event) {
    Seats s = seats.get(event);
    s.left++;
    s.confirmed--;
  }

  @Override
  public synchronized Optional<RegistrationId> promoteHead(EventId event) {
    Seats s = seats.get(event);
    if (!events.get(event).status().isOpen() || s.left <= 0 || s.waitlist.isEmpty()) {
      return Optional.empty();
    }
    s.left--;
    s.confirmed++;
    return Optional.of(s.waitlist.remove(0));
  }

  @Override
  public synchronized int position(EventId event, RegistrationId registration) {
    return seats.get(event).waitlist.indexOf(registration) + 1;
  }

  @Override
  public synchronized List<RegistrationId> waitlist(EventId event) {
    return List.copyOf(seats.get(event).waitlist);
  }
}
