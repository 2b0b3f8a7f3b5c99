package org.kitepkana.events.registration.application;

import java.util.List;
import java.util.Optional;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.registration.domain.RegistrationId;

/**
 * The seats of a library event: free seats, the arrival counter and the waitlist, changed only by
 * single atomic operations of the store, so capacity holds however many readers register at once.
 *
 * <p>Invariant: never a free seat while someone waits. A new registration takes a seat only when
 * seats are free and nobody waits; otherwise it joins the end of the waitlist. A freed seat goes to
 * the head of the waitlist through {@link #promoteHead}.
 */
public interface SeatLedger {

  /** The outcome of a claim; {@code seq} is the arrival order the store gave it (1, 2, ...). */
  sealed interface Claim {
    record Confirmed(long seq) implements Claim {}

    /** {@code position} 1 = next to get a seat. */
    record Waitlisted(long seq, int position) implements Claim {}

    /** The event is not open for registration. */
    record Closed() implements Claim {}
  }

  Claim claim(EventId event, RegistrationId registration);

  /** Takes the registration off the waitlist; false if it was not (or no longer) on it. */
  boolean leaveWaitlist(EventId event, RegistrationId registration);

  /** A confirmed registration ended: its seat is free again. */
  void releaseSeat(EventId event);

  /**
   * If a seat is free and someone waits, gives the seat to the head of the waitlist and returns it.
   * The caller confirms that registration, or calls {@link #releaseSeat} if it no longer waits.
   */
  Optional<RegistrationId> promoteHead(EventId event);

  /** 1-based place on the waitlist, or 0 if not on it. */
  int position(EventId event, RegistrationId registration);

  /** The waitlist, head first. */
  List<RegistrationId> waitlist(EventId event);
}
