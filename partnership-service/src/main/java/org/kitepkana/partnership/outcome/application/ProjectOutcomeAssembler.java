package org.kitepkana.partnership.outcome.application;

import java.util.Comparator;
import java.util.List;
import org.kitepkana.partnership.outcome.domain.LibraryEventState;
import org.kitepkana.partnership.outcome.domain.Publication;
import org.kitepkana.partnership.project.application.OutcomeSource;
import org.kitepkana.partnership.project.domain.Outcomes;
import org.kitepkana.partnership.project.domain.ProjectId;

/**
 * A project's outcomes, derived when asked from the latest state of every library event and from
 * the publications: so replays, duplicates and events moving between projects never skew them.
 */
public class ProjectOutcomeAssembler implements OutcomeSource {

  private final LibraryEventLog events;
  private final PublicationRepository publications;

  public ProjectOutcomeAssembler(LibraryEventLog events, PublicationRepository publications) {
    this.events = events;
    this.publications = publications;
  }

  @Override
  public Outcomes outcomesOf(ProjectId project) {
    return assemble(events.forProject(project.value()), publications.aboutProject(project.value()));
  }

  static Outcomes assemble(List<LibraryEventState> events, List<Publication> publications) {
    int held = 0;
    int planned = 0;
    int cancelled = 0;
    long attendance = 0;
    long walkIns = 0;
    for (LibraryEventState e : events) {
      if (e.isHeld()) {
        held++;
        attendance += e.attendance() == null ? 0 : e.attendance();
        walkIns += e.walkIns() == null ? 0 : e.walkIns();
      } else if (e.isPlanned()) {
        planned++;
      } else if (e.isCancelled()) {
        cancelled++;
      }
    }
    List<Outcomes.LibraryEventOutcome> list =
        events.stream()
            .sorted(
                Comparator.comparing((LibraryEventState e) -> e.start() == null ? "" : e.start())
                    .thenComparing(LibraryEventState::eventId))
            .map(
                e ->
                    new Outcomes.LibraryEventOutcome(
                        e.eventId(),
                        e.version(),
                        e.title(),
                        e.branchId(),
                        e.start(),
                        e.status(),
                        e.isHeld() ? e.attendance() : null))
            .toList();
    int byStaff = (int) publications.stream().filter(p -> p.details().writtenByStaff()).count();
    return new Outcomes(
        held, planned, cancelled, attendance, walkIns, publications.size(), byStaff, list);
  }
}
