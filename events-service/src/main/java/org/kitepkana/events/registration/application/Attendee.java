package org.kitepkana.events.registration.application;

import org.kitepkana.events.registration.domain.Registration;

/**
 * One line of a library event's attendee list, for its branch's staff.
 *
 * @param position 1-based place on the waitlist, 0 if not waiting
 * @param attended whether the recorded attendance counts this reader
 */
public record Attendee(Registration registration, int position, boolean attended) {}
