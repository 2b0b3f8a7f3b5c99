package org.kitepkana.events.event.application;

import java.util.List;
import java.util.Optional;
import org.kitepkana.events.event.domain.EventChange;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.LibraryEvent;

/**
 * Where library events are kept. Saving an event also queues its change for publication on the
 * public schedule, atomically with the new state (the outbox inside the event's document).
 */
public interface EventRepository {

  /** How a conditional update ended. */
  enum UpdateOutcome {
    UPDATED,
    /** The event is no longer at the expected version. */
    VERSION_CONFLICT,
    /** A smaller capacity would leave confirmed registrations without a seat. */
    SEATS_TAKEN
  }

  /** Inserts a new event; false when the id is taken. */
  boolean insert(LibraryEvent event, EventChange change);

  /**
   * Replaces the event's state if it is still at {@code expectedVersion}. A rescheduling that
   * changes the capacity moves the free seats by the same amount, in the same update.
   */
  UpdateOutcome update(LibraryEvent after, long expectedVersion, EventChange change);

  Optional<LibraryEvent> find(EventId id);

  /** Events matching the query, by start time. Not a hot path: a scan on the embedded store. */
  List<LibraryEvent> find(EventQuery query);
}
