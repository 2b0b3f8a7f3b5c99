package org.kitepkana.events.event.domain;

/**
 * What happened to a library event. Each carries the full new state, because subscribers of the
 * public schedule keep "latest version wins" copies.
 */
public sealed interface EventChange {

  LibraryEvent event();

  /** A library event was drafted, or its draft revised. */
  record EventDrafted(LibraryEvent event) implements EventChange {}

  /** A library event was scheduled: it holds its room and takes registrations. */
  record EventScheduled(LibraryEvent event) implements EventChange {}

  /** A scheduled library event moved, or its capacity changed (from {@code previousCapacity}). */
  record EventRescheduled(LibraryEvent event, int previousCapacity) implements EventChange {}

  /** A library event was cancelled. */
  record EventCancelled(LibraryEvent event) implements EventChange {}

  /** A library event took place and its attendance was recorded (or corrected). */
  record EventCompleted(LibraryEvent event) implements EventChange {}
}
