package org.kitepkana.catalog.marc.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.kitepkana.catalog.branch.domain.BranchId;

/**
 * An import job as stored after its last chunk: what it imports, where it is, what it counted.
 *
 * @param sourceBytes size of the uploaded file
 * @param bytesDone bytes of the file read so far (the basis of the estimate of time left)
 * @param recordsDone records read and applied so far; a resumed job continues after them
 * @param encodings records read per character encoding (UTF_8, MARC_8, CP1251; MARCXML counts as
 *     UTF_8)
 * @param failure why a FAILED job failed; null otherwise
 */
public record MarcJob(
    MarcJobId id,
    BranchId branchId,
    ImportOptions options,
    JobState state,
    long sourceBytes,
    long bytesDone,
    long recordsDone,
    ImportCounters counters,
    Map<String, Long> encodings,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    String failure,
    Profile profile) {

  /**
   * Where the job's time went, summed over chunks.
   *
   * @param parseMillis reading the file: framing, marc4j, decoding, mapping
   * @param matchMillis attaching records to union records (locators and match keys)
   * @param storeMillis loading and saving the union records with their events
   * @param reportMillis writing progress and error-report lines
   */
  public record Profile(long parseMillis, long matchMillis, long storeMillis, long reportMillis) {
    public static final Profile ZERO = new Profile(0, 0, 0, 0);

    public Profile plus(Profile o) {
      return new Profile(
          parseMillis + o.parseMillis,
          matchMillis + o.matchMillis,
          storeMillis + o.storeMillis,
          reportMillis + o.reportMillis);
    }
  }

  public MarcJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(state, "state");
    counters = Objects.requireNonNullElse(counters, ImportCounters.ZERO);
    encodings = encodings == null ? Map.of() : Map.copyOf(encodings);
    profile = Objects.requireNonNullElse(profile, Profile.ZERO);
  }

  /** Records read per second since the job started (until it finished); 0 before it starts. */
  public double recordsPerSecond(Instant now) {
    Duration running = running(now);
    if (running.isZero() || running.isNegative()) {
      return 0;
    }
    return counters.read() / (running.toNanos() / 1e9);
  }

  /**
   * Seconds until the job is likely done, by the bytes read so far; empty before there is a rate,
   * and zero once the job is over.
   */
  public OptionalLong secondsLeft(Instant now) {
    if (state.isFinal()) {
      return OptionalLong.of(0);
    }
    Duration running = running(now);
    if (startedAt == null || bytesDone <= 0 || running.isZero()) {
      return OptionalLong.empty();
    }
    double bytesPerSecond = bytesDone / (running.toNanos() / 1e9);
    long left = Math.max(0, sourceBytes - bytesDone);
    return OptionalLong.of((long) Math.ceil(left / bytesPerSecond));
  }

  private Duration running(Instant now) {
    if (startedAt == null) {
      return Duration.ZERO;
    }
    Instant end = finishedAt == null ? now : finishedAt;
    return Duration.between(startedAt, end);
  }
}
