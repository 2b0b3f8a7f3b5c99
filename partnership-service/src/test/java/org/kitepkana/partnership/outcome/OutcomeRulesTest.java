package org.kitepkana.partnership.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.partnership.fakes.Actors.OFFICER;
import static org.kitepkana.partnership.fakes.Actors.PUBLIC;
import static org.kitepkana.partnership.fakes.Actors.SUBSCRIBER;
import static org.kitepkana.partnership.fakes.Actors.librarianOf;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.fakes.Fixtures;
import org.kitepkana.partnership.outcome.application.PublicationService;
import org.kitepkana.partnership.outcome.domain.LibraryEventState;
import org.kitepkana.partnership.outcome.domain.PublicationDetails;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.partner.domain.PartnerType;
import org.kitepkana.partnership.project.domain.Outcomes;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectId;

/** Outcomes from library events and publications, and who may record publications. */
class OutcomeRulesTest {

  final Fixtures network = new Fixtures();
  final PublicationService publications =
      new PublicationService(
          network.publications, network.partners, network.projects, network.ids, Fixtures.CLOCK);
  final ProjectId project = project();
  final ProjectId other = project();

  ProjectId project() {
    var result = network.service.propose(OFFICER, network.monoProject());
    return ((Result.Done<Project>) result).value().id();
  }

  static LibraryEventState event(
      String id, long version, String status, ProjectId project, Integer came) {
    return new LibraryEventState(
        id,
        version,
        status,
        project == null ? null : project.value(),
        "at-bashy",
        "Укуктук сабаттуулук күнү",
        "2025-04-10T14:00:00+06:00",
        came,
        came == null ? null : 5);
  }

  @Test
  void countsTheLatestStateOfEachEventOnceAndWhereItNowBelongs() {
    network.events.apply(event("e1", 1, "SCHEDULED", project, null));
    network.events.apply(event("e1", 3, "COMPLETED", project, 43));
    network.events.apply(event("e1", 2, "SCHEDULED", project, null));
    network.events.apply(event("e1", 3, "COMPLETED", project, 43));
    network.events.apply(event("e2", 1, "COMPLETED", project, 20));
    network.events.apply(event("e3", 1, "SCHEDULED", project, null));
    network.events.apply(event("e4", 1, "CANCELLED", project, null));

    Outcomes outcomes = network.outcomes.outcomesOf(project);
    assertThat(outcomes.eventsHeld()).isEqualTo(2);
    assertThat(outcomes.attendance()).isEqualTo(63);
    assertThat(outcomes.walkIns()).isEqualTo(10);
    assertThat(outcomes.eventsPlanned()).isEqualTo(1);
    assertThat(outcomes.eventsCancelled()).isEqualTo(1);

    network.events.apply(event("e2", 2, "COMPLETED", other, 20));
    assertThat(network.outcomes.outcomesOf(project).attendance()).isEqualTo(43);
    assertThat(network.outcomes.outcomesOf(other).attendance()).isEqualTo(20);
    network.events.apply(event("e2", 3, "COMPLETED", null, 20));
    assertThat(network.outcomes.outcomesOf(other).eventsHeld()).isZero();
  }

  @Test
  void publicationsAreRecordedByOfficersAboutExistingProjectsInMediaOutlets() {
    PartnerId gazette = network.partner("«Нарын» гезити", PartnerType.MEDIA);
    PublicationDetails article =
        new PublicationDetails(
            gazette,
            null,
            LocalDate.of(2025, 4, 12),
            "Китепкана укук боюнча кеңеш берет",
            URI.create("https://example.kg/naryn/123"),
            true,
            project);
    assertThat(publications.record(librarianOf("at-bashy"), article))
        .isInstanceOf(Result.Forbidden.class);
    assertThat(publications.record(OFFICER, article)).isInstanceOf(Result.Done.class);

    PublicationDetails notMedia =
        new PublicationDetails(
            network.ayilOkmotu, null, LocalDate.of(2025, 4, 12), "Маалымат", null, false, project);
    var refused = publications.record(OFFICER, notMedia);
    assertThat(refused).isInstanceOf(Result.Invalid.class);
    assertThat(((Result.Invalid<?>) refused).violations().get(0).field())
        .isEqualTo("outletPartnerId");

    assertThat(network.outcomes.outcomesOf(project).publications()).isEqualTo(1);
    assertThat(network.outcomes.outcomesOf(project).publicationsByStaff()).isEqualTo(1);
    assertThat(publications.list(SUBSCRIBER, null, null)).isInstanceOf(Result.Forbidden.class);
    assertThat(publications.list(PUBLIC, null, null)).isInstanceOf(Result.Forbidden.class);
    assertThat(publications.list(librarianOf("kochkor"), project.value(), 2025))
        .isInstanceOf(Result.Done.class);
  }
}
