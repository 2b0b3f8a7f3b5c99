package org.kitepkana.catalog.marc.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.branch.domain.BranchId;

class MarcJobTest {

  final Instant start = Instant.parse("2026-03-01T08:00:00Z");

  MarcJob job(JobState state, long bytes, long done, long read, Instant finished) {
    return new MarcJob(
        MarcJobId.newId(start),
        new BranchId("at-bashy"),
        new ImportOptions(SourceFormat.ISO_2709, null, null, "fond.mrc"),
        state,
        bytes,
        done,
        read,
        new ImportCounters(read, read, read, 0, 0, 0, 0, 0),
        null,
        start,
        start,
        start,
        finished,
        null,
        null);
  }

  @Test
  void ratesAndEstimatesTheTimeLeftFromTheBytesReadSoFar() {
    MarcJob running = job(JobState.RUNNING, 1_000_000, 250_000, 2_000, null);

    assertThat(running.recordsPerSecond(start.plusSeconds(10))).isEqualTo(200.0);
    assertThat(running.secondsLeft(start.plusSeconds(10))).isEqualTo(OptionalLong.of(30));
  }

  @Test
  void hasNoEstimateBeforeItReadsAndNoneLeftWhenItIsOver() {
    assertThat(job(JobState.QUEUED, 1_000, 0, 0, null).secondsLeft(start.plusSeconds(5))).isEmpty();
    MarcJob done = job(JobState.COMPLETED, 1_000, 1_000, 500, start.plusSeconds(5));
    assertThat(done.secondsLeft(start.plusSeconds(60))).isEqualTo(OptionalLong.of(0));
    assertThat(done.recordsPerSecond(start.plusSeconds(60))).isEqualTo(100.0);
  }

  @Test
  void holdingDefaultsAreValidatedLikeSyncItems() {
    assertThat(new HoldingDefaults(" 84(2Ки) ", " ", 3))
        .isEqualTo(new HoldingDefaults("84(2Ки)", null, 3));
    assertThatThrownBy(() -> new HoldingDefaults(null, null, -1))
        .hasMessage("copies must be between 0 and 100000");
    assertThatThrownBy(() -> new HoldingDefaults("x".repeat(101), null, 1))
        .hasMessage("callNumber must be at most 100 characters");
    assertThat(
            new ImportedHolding("kg-1", null, "окуу залы", null)
                .withDefaults(new HoldingDefaults("84", "абонемент", 2)))
        .isEqualTo(new ImportedHolding("kg-1", "84", "окуу залы", 2));
  }

  @Test
  void readsTheUploadParameters() {
    assertThat(SourceEncoding.parse("Windows-1251")).contains(SourceEncoding.CP1251);
    assertThat(SourceEncoding.parse("MARC-8")).contains(SourceEncoding.MARC_8);
    assertThat(SourceEncoding.parse("utf8")).contains(SourceEncoding.UTF_8);
    assertThat(SourceEncoding.parse("koi8-r")).isEmpty();
    assertThat(SourceFormat.parse("MARCXML")).contains(SourceFormat.MARCXML);
    assertThat(SourceFormat.parse("iso-2709")).contains(SourceFormat.ISO_2709);
  }
}
