package org.kitepkana.partnership.fakes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kitepkana.partnership.outcome.application.LibraryEventLog;
import org.kitepkana.partnership.outcome.domain.LibraryEventState;

/** The library event log in memory, with the same version rule as the real one. */
public final class InMemoryLibraryEvents implements LibraryEventLog {

  private final Map<String, LibraryEventState> events = new LinkedHashMap<>();

  @Override
  public synchronized boolean apply(LibraryEventState state) {
    LibraryEventState stored = events.get(state.eventId());
    if (stored != null && stored.version() >= state.version()) {
      return false;
    }
    events.put(state.eventId(), state);
    return true;
  }

  @Override
  public synchronized List<LibraryEventState> forProject(String projectId) {
    return events.values().stream().filter(e -> projectId.equals(e.projectId())).toList();
  }
}
