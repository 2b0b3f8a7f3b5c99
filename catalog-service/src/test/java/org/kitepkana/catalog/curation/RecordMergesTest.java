package org.kitepkana.catalog.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.catalog.curation.CurationFixture.AT_BASHY;
import static org.kitepkana.catalog.curation.CurationFixture.KOCHKOR;
import static org.kitepkana.catalog.curation.CurationFixture.book;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kitepkana.catalog.curation.application.CurationOutcome;
import org.kitepkana.catalog.curation.domain.CurationOperation;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.RecordChange;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.record.domain.RecordState;
import org.kitepkana.platform.security.Actor;

/** Merging duplicates: holdings move, keys follow, the old record redirects, crashes resume. */
class RecordMergesTest {

  static final Actor COORDINATOR = Actor.coordinator("gulnara");
  static final String ISBN = "978-9967-00-001-8";

  final CurationFixture f = new CurationFixture();
  RecordId survivor;
  RecordId duplicate;

  void twoRecordsOfOneEdition() {
    survivor = f.sync(AT_BASHY, "inv-1", book("Жамийла", "Айтматов, Чыңгыз", null, 2018), 2);
    duplicate = f.sync(AT_BASHY, "inv-2", book("Jamila", "Aitmatov, C.", ISBN, 2017), 1);
    f.sync(KOCHKOR, "k-7", book("Jamila", "Aitmatov, C.", ISBN, 2017), 3);
    assertThat(survivor).isNotEqualTo(duplicate);
  }

  @Test
  void mergeMovesEveryHoldingRedirectsTheOldRecordAndLaterSyncsLandOnTheSurvivor() {
    twoRecordsOfOneEdition();

    var outcome = f.merges.merge(COORDINATOR, survivor, duplicate);

    assertThat(outcome).isInstanceOf(CurationOutcome.Merged.class);
    assertThat(((CurationOutcome.Merged) outcome).movedHoldings())
        .containsExactly(new HoldingRef(AT_BASHY, "inv-2"), new HoldingRef(KOCHKOR, "k-7"));
    CatalogRecord merged = f.records.find(duplicate).orElseThrow();
    CatalogRecord kept = f.records.find(survivor).orElseThrow();
    assertThat(merged.state()).isEqualTo(RecordState.MERGED);
    assertThat(merged.holdings()).isEmpty();
    assertThat(kept.holdings())
        .extracting(h -> h.itemId() + ":" + h.moves() + ":" + h.copies())
        .containsExactly("inv-1:0:2", "inv-2:1:1", "k-7:1:3");
    assertThat(kept.description().isbn().value()).isEqualTo("9789967000018");
    assertThat(f.records.keyOwner("isbn:9789967000018")).isEqualTo(survivor);
    assertThat(f.records.locator(KOCHKOR, "k-7")).isEqualTo(survivor);
    assertThat(f.records.findFollowingMerges(duplicate).orElseThrow().id()).isEqualTo(survivor);
    assertThat(f.operations.inFlight).isEmpty();

    // The branch syncs the item again, and another branch sends the same ISBN for the first time.
    assertThat(f.sync(KOCHKOR, "k-7", book("Jamila", "Aitmatov, C.", ISBN, 2017), 4))
        .isEqualTo(survivor);
    assertThat(f.sync(KOCHKOR, "k-8", book("Jamila", "Aitmatov", ISBN, 2017), 1))
        .isEqualTo(survivor);
    assertThat(f.records.find(survivor).orElseThrow().holdings()).hasSize(4);
    assertThat(f.records.find(duplicate).orElseThrow().holdings()).isEmpty();
  }

  @Test
  void eventsOfTheMergedRecordEndWithRecordMergedAfterEachHoldingLeft() {
    twoRecordsOfOneEdition();
    int before = f.records.published.size();

    f.merges.merge(COORDINATOR, survivor, duplicate);

    List<String> onMerged =
        f.records.published.subList(before, f.records.published.size()).stream()
            .filter(c -> c.recordId().equals(duplicate))
            .map(c -> c.getClass().getSimpleName())
            .toList();
    assertThat(onMerged).containsExactly("HoldingMoved", "HoldingMoved", "RecordMerged");
    List<RecordChange> onSurvivor =
        f.records.published.subList(before, f.records.published.size()).stream()
            .filter(c -> c.recordId().equals(survivor))
            .toList();
    assertThat(onSurvivor)
        .filteredOn(c -> c instanceof RecordChange.HoldingMoved m && m.isArrival())
        .hasSize(2);
    assertThat(onSurvivor)
        .anySatisfy(c -> assertThat(c).isInstanceOf(RecordChange.RecordUpdated.class));
  }

  @Test
  void refusesSelfMergesTombstonesAndRecordsMergedAlready() {
    twoRecordsOfOneEdition();
    RecordId third = f.sync(AT_BASHY, "inv-3", book("Ак кеме", "Айтматов, Чыңгыз", null, 1970), 1);

    assertThat(f.merges.merge(COORDINATOR, survivor, survivor))
        .isInstanceOf(CurationOutcome.Conflict.class);
    assertThat(f.merges.merge(COORDINATOR, survivor, duplicate))
        .isInstanceOf(CurationOutcome.Merged.class);
    assertThat(f.merges.merge(COORDINATOR, survivor, duplicate))
        .isInstanceOf(CurationOutcome.Conflict.class);
    var intoTombstone = f.merges.merge(COORDINATOR, duplicate, third);
    assertThat(intoTombstone).isInstanceOf(CurationOutcome.Conflict.class);
    assertThat(((CurationOutcome.Conflict) intoTombstone).related()).isEqualTo(survivor);
    assertThat(f.records.find(third).orElseThrow().state()).isEqualTo(RecordState.ACTIVE);
    assertThat(f.operations.inFlight).isEmpty();
  }

  @Test
  void chainsResolveToTheLastSurvivor() {
    twoRecordsOfOneEdition();
    RecordId last = f.sync(AT_BASHY, "inv-9", book("Djamilia", "Aitmatov", null, 2020), 1);

    f.merges.merge(COORDINATOR, survivor, duplicate);
    f.merges.merge(COORDINATOR, last, survivor);

    assertThat(f.records.findFollowingMerges(duplicate).orElseThrow().id()).isEqualTo(last);
    assertThat(f.records.find(last).orElseThrow().holdings()).hasSize(4);
    assertThat(f.sync(KOCHKOR, "k-7", book("Jamila", "Aitmatov, C.", ISBN, 2017), 5))
        .isEqualTo(last);
    assertThat(f.records.keyOwner("isbn:9789967000018")).isEqualTo(last);
  }

  static final org.kitepkana.catalog.record.domain.MoveReason MERGE =
      org.kitepkana.catalog.record.domain.MoveReason.MERGE;

  /** The steps of a merge, in order; a crash may stop the process after any of them. */
  static final List<Consumer<Steps>> STEPS =
      List.of(
          s -> s.f.merges.lockSurvivor(s.op),
          s -> s.f.merges.beginMerge(s.op),
          s -> s.f.merges.repointKeys(s.op),
          s -> s.f.transfer.arrive(s.first, s.op.merged(), s.op.survivor(), MERGE),
          s -> s.f.transfer.repointLocator(s.first, s.op.merged(), s.op.survivor()),
          s -> s.f.transfer.depart(s.first, s.op.merged(), s.op.survivor(), MERGE),
          s -> s.f.merges.moveHoldings(s.op),
          s -> s.f.merges.completeMerge(s.op),
          s -> s.f.merges.releaseSurvivor(s.op));

  record Steps(CurationFixture f, CurationOperation.Merge op, HoldingRef first) {}

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
  void aMergeInterruptedAfterAnyStepIsFinishedByTheSweepWithNothingLostOrDoubled(int crashAfter) {
    twoRecordsOfOneEdition();
    var op = new CurationOperation.Merge(duplicate, survivor, "gulnara", f.clock.instant());
    assertThat(f.operations.start(op)).isTrue();
    Steps steps = new Steps(f, op, new HoldingRef(AT_BASHY, "inv-2"));
    IntStream.range(0, crashAfter).forEach(i -> STEPS.get(i).accept(steps));
    // A branch keeps syncing while the merge is interrupted.
    RecordId landed = f.sync(KOCHKOR, "k-7", book("Jamila", "Aitmatov, C.", ISBN, 2017), 6);
    assertThat(landed).isIn(survivor, duplicate);

    var sweep =
        new org.kitepkana.catalog.curation.application.CurationSweep(
            f.operations, f.merges, f.moves, f.clock, java.time.Duration.ofSeconds(-1));
    assertThat(sweep.resumeStale()).isEqualTo(1);

    assertThat(f.operations.inFlight).isEmpty();
    assertThat(f.records.find(duplicate).orElseThrow().state()).isEqualTo(RecordState.MERGED);
    assertThat(f.records.find(duplicate).orElseThrow().holdings()).isEmpty();
    assertThat(f.records.find(survivor).orElseThrow().holdings())
        .extracting(h -> h.itemId() + ":" + h.copies())
        .containsExactlyInAnyOrder("inv-1:2", "inv-2:1", "k-7:6");
    assertThat(f.records.find(survivor).orElseThrow().curation().incoming()).isEmpty();
    assertThat(f.records.locator(KOCHKOR, "k-7")).isEqualTo(survivor);
    assertThat(f.records.locator(AT_BASHY, "inv-2")).isEqualTo(survivor);
    assertThat(f.records.published)
        .filteredOn(c -> c instanceof RecordChange.RecordMerged)
        .hasSize(1);
    assertThat(f.records.published)
        .filteredOn(c -> c instanceof RecordChange.HoldingMoved m && m.isArrival())
        .hasSize(2);
  }
}
