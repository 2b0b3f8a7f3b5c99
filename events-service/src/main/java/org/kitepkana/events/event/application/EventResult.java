package org.kitepkana.events.event.application;

import java.util.List;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.shared.application.FieldProblem;

/** The outcome of a request about a library event: done, or why not. */
public sealed interface EventResult {

  record Done(LibraryEvent event) implements EventResult {}

  record NotFound() implements EventResult {}

  record Forbidden(String reason) implements EventResult {}

  record Invalid(List<FieldProblem> problems) implements EventResult {}

  /** The room is held by another library event (which may be null if it vanished meanwhile). */
  record RoomTaken(EventId holderId, LibraryEvent holder) implements EventResult {}

  /** Not allowed in the event's current state. */
  record Refused(String reason) implements EventResult {}

  record VersionConflict(long currentVersion) implements EventResult {}

  /** The new capacity is below the confirmed registrations. */
  record SeatsTaken(int confirmed) implements EventResult {}
}
