package org.kitepkana.catalog.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.catalog.curation.CurationFixture.AT_BASHY;
import static org.kitepkana.catalog.curation.CurationFixture.book;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kitepkana.catalog.curation.application.CurationOutcome;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.platform.security.Actor;

/** Only a regional coordinator curates; everyone else is refused before anything changes. */
class CurationAccessTest {

  static Stream<Actor> everyoneButACoordinator() {
    return Stream.of(
        Actor.anonymous(),
        Actor.librarian("at-bashy", "aigul"),
        new Actor(Actor.Role.PARTNERSHIP_OFFICER, null, "officer"),
        new Actor(Actor.Role.SUBSCRIBER, null, "national-union-catalogue"));
  }

  @ParameterizedTest
  @MethodSource("everyoneButACoordinator")
  void refusesEveryCurationToAnyoneButACoordinator(Actor actor) {
    var f = new CurationFixture();
    RecordId a = f.sync(AT_BASHY, "inv-1", book("Жамийла", "Айтматов, Чыңгыз", null, 2018), 1);
    RecordId b = f.sync(AT_BASHY, "inv-2", book("Жамиля", "Айтматов, Ч.", null, 1959), 1);
    int published = f.records.published.size();

    assertThat(f.merges.merge(actor, a, b)).isInstanceOf(CurationOutcome.Forbidden.class);
    assertThat(f.moves.move(actor, new HoldingRef(AT_BASHY, "inv-2"), a))
        .isInstanceOf(CurationOutcome.Forbidden.class);
    assertThat(f.edits.edit(actor, a, 1, book("Жамийла", "Айтматов, Чыңгыз", null, 2019)))
        .isInstanceOf(CurationOutcome.Forbidden.class);

    assertThat(f.records.published).hasSize(published);
    assertThat(f.operations.inFlight).isEmpty();
    assertThat(f.records.find(b).orElseThrow().holdings()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("everyoneButACoordinator")
  void aCoordinatorOfTheSameRecordsMayDoIt(Actor refused) {
    var f = new CurationFixture();
    RecordId a = f.sync(AT_BASHY, "inv-1", book("Жамийла", "Айтматов, Чыңгыз", null, 2018), 1);
    RecordId b = f.sync(AT_BASHY, "inv-2", book("Жамиля", "Айтматов, Ч.", null, 1959), 1);

    assertThat(f.merges.merge(refused, a, b)).isInstanceOf(CurationOutcome.Forbidden.class);
    assertThat(f.merges.merge(Actor.coordinator("gulnara"), a, b))
        .isInstanceOf(CurationOutcome.Merged.class);
  }
}
