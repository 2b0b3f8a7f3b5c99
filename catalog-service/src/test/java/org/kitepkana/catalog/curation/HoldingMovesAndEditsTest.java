package org.kitepkana.catalog.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.catalog.curation.CurationFixture.AT_BASHY;
import static org.kitepkana.catalog.curation.CurationFixture.KOCHKOR;
import static org.kitepkana.catalog.curation.CurationFixture.book;

import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.curation.application.CurationOutcome;
import org.kitepkana.catalog.curation.domain.CurationOperation;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.HoldingStatus;
import org.kitepkana.catalog.record.domain.MoveReason;
import org.kitepkana.catalog.record.domain.RecordChange;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.record.domain.RecordState;
import org.kitepkana.platform.security.Actor;

class HoldingMovesAndEditsTest {

  static final Actor COORDINATOR = Actor.coordinator("gulnara");

  final CurationFixture f = new CurationFixture();

  @Test
  void aMovedHoldingStaysWhereItWasMovedWhenItsBranchSyncsItAgain() {
    RecordId right = f.sync(AT_BASHY, "inv-1", book("Ак кеме", "Айтматов, Чыңгыз", null, 1970), 1);
    RecordId wrong = f.sync(KOCHKOR, "k-1", book("Ак кеме", "Айтматов, Чыңгыз", null, 1971), 2);
    HoldingRef k1 = new HoldingRef(KOCHKOR, "k-1");

    var outcome = f.moves.move(COORDINATOR, k1, right);

    assertThat(outcome).isEqualTo(new CurationOutcome.Moved(k1, wrong, right));
    assertThat(f.records.find(wrong).orElseThrow().holdings()).isEmpty();
    assertThat(f.records.find(right).orElseThrow().holding(k1).orElseThrow().moves()).isEqualTo(1);
    // The branch still describes it as the 1971 printing: its item stays where it was moved.
    assertThat(f.sync(KOCHKOR, "k-1", book("Ак кеме", "Айтматов, Чыңгыз", null, 1971), 5))
        .isEqualTo(right);
    assertThat(f.records.find(right).orElseThrow().holding(k1).orElseThrow().copies()).isEqualTo(5);
    assertThat(f.records.find(wrong).orElseThrow().holdings()).isEmpty();
    assertThat(f.records.find(wrong).orElseThrow().state()).isEqualTo(RecordState.ACTIVE);
    assertThat(f.operations.inFlight).isEmpty();
    assertThat(f.records.find(right).orElseThrow().curation().incoming()).isEmpty();
  }

  @Test
  void aChangeTheBranchMakesOnTheOldRecordDuringTheMoveIsCarriedOver() {
    RecordId right = f.sync(AT_BASHY, "inv-1", book("Ак кеме", "Айтматов, Чыңгыз", null, 1970), 1);
    RecordId wrong = f.sync(KOCHKOR, "k-1", book("Ак кеме", "Айтматов, Чыңгыз", null, 1971), 2);
    HoldingRef k1 = new HoldingRef(KOCHKOR, "k-1");
    var op = new CurationOperation.Move(k1, wrong, right, "gulnara", f.clock.instant());
    f.operations.start(op);
    f.moves.lockTarget(op);
    f.moves.markSource(op);
    f.transfer.arrive(k1, wrong, right, MoveReason.MOVE);
    // Crash. Meanwhile the branch withdraws the item; its locator still says the old record.
    var old = f.records.find(wrong).orElseThrow();
    old.withdrawHolding(KOCHKOR, "k-1");
    f.records.save(java.util.List.of(old));

    assertThat(f.moves.resume(op)).isInstanceOf(CurationOutcome.Moved.class);

    assertThat(f.records.find(right).orElseThrow().holding(k1).orElseThrow().status())
        .isEqualTo(HoldingStatus.WITHDRAWN);
    assertThat(f.records.published)
        .filteredOn(c -> c instanceof RecordChange.HoldingWithdrawn w && w.recordId().equals(right))
        .hasSize(1);
    assertThat(f.records.locator(KOCHKOR, "k-1")).isEqualTo(right);
  }

  @Test
  void refusesMovesToTheSameRecordToUnknownRecordsAndOfUnknownHoldings() {
    RecordId right = f.sync(AT_BASHY, "inv-1", book("Ак кеме", "Айтматов, Чыңгыз", null, 1970), 1);
    assertThat(f.moves.move(COORDINATOR, new HoldingRef(AT_BASHY, "inv-1"), right))
        .isInstanceOf(CurationOutcome.Conflict.class);
    assertThat(f.moves.move(COORDINATOR, new HoldingRef(AT_BASHY, "nope"), right))
        .isInstanceOf(CurationOutcome.NotFound.class);
    assertThat(
            f.moves.move(
                COORDINATOR,
                new HoldingRef(AT_BASHY, "inv-1"),
                new RecordId("01JQ8ZK4M6T3W9XR2B7C5D1E0F")))
        .isInstanceOf(CurationOutcome.NotFound.class);
  }

  @Test
  void editsAtTheVersionReadAndRefusesStaleVersionsAndIsbnsOfOtherRecords() {
    RecordId a = f.sync(AT_BASHY, "inv-1", book("Ак кеме", "Айтматов, Чыңгыз", null, 1970), 1);
    RecordId b =
        f.sync(AT_BASHY, "inv-2", book("Манас", "Орозбаков, С.", "978-9967-00-001-8", 2010), 1);

    var edited =
        f.edits.edit(
            COORDINATOR,
            a,
            1,
            book("Ак кеме (Белый пароход)", "Айтматов, Чыңгыз", "9785170000005", 1970));
    assertThat(edited).isInstanceOf(CurationOutcome.Edited.class);
    assertThat(((CurationOutcome.Edited) edited).record().version()).isEqualTo(2);
    assertThat(f.records.keyOwner("isbn:9785170000005")).isEqualTo(a);

    assertThat(f.edits.edit(COORDINATOR, a, 1, book("Ак кеме", "Айтматов", null, 1970)))
        .isEqualTo(new CurationOutcome.StaleVersion(2));
    var taken = f.edits.edit(COORDINATOR, a, 2, book("Ак кеме", "Айтматов", "9789967000018", 1970));
    assertThat(taken).isInstanceOf(CurationOutcome.Conflict.class);
    assertThat(((CurationOutcome.Conflict) taken).related()).isEqualTo(b);
    assertThat(((CurationOutcome.Conflict) taken).detail()).contains("merge");

    // Correcting the ISBN away gives the old one up.
    f.edits.edit(COORDINATOR, a, 2, book("Ак кеме", "Айтматов, Чыңгыз", null, 1970));
    assertThat(f.records.keyOwner("isbn:9785170000005")).isNull();
  }
}
