package org.kitepkana.events.event.domain;

/** The outcome of asking a library event to change: the new state and its change, or why not. */
public sealed interface Transition {

  record Changed(LibraryEvent after, EventChange change) implements Transition {}

  record Refused(String reason) implements Transition {}
}
