package org.kitepkana.events.event.application;

import org.kitepkana.events.event.domain.EventId;

/** Told when a library event gained seats, so waitlisted readers move up at once. */
@FunctionalInterface
public interface WaitlistPromotion {

  void seatsAdded(EventId event);
}
