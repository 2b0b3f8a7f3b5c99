package org.kitepkana.catalog.marc.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.kitepkana.catalog.marc.domain.ImportCounters;
import org.kitepkana.catalog.marc.domain.JobState;
import org.kitepkana.catalog.marc.domain.MarcJob;
import org.kitepkana.catalog.marc.domain.MarcJobId;
import org.kitepkana.catalog.marc.domain.RecordIssue;

/**
 * Import jobs and their error reports, shared by all instances so any instance can answer for a
 * job. A job is held by one owner (an instance's worker) under a lease the owner renews; writes
 * that move a job forward apply only while the caller still owns it.
 */
public interface MarcJobStore {

  /** What one chunk adds to a job. */
  record ChunkProgress(
      ImportCounters counters,
      Map<String, Long> encodings,
      MarcJob.Profile profile,
      long bytesDone,
      long recordsDone) {}

  /** An unfinished job and who holds it. */
  record Held(MarcJobId id, String owner, Instant leaseUntil) {}

  void create(MarcJob job, String owner, Instant leaseUntil);

  Optional<MarcJob> find(MarcJobId id);

  /** QUEUED or RUNNING becomes RUNNING (again, on resume); false unless {@code owner} holds it. */
  boolean start(MarcJobId id, String owner, Instant now);

  /**
   * Adds a chunk's counters, sets the progress and appends the issues (an issue already stored for
   * the same record and outcome is kept, so re-applying a chunk after a crash adds no lines).
   * Returns false, changing nothing, when {@code owner} no longer holds the job.
   */
  boolean recordChunk(
      MarcJobId id, String owner, ChunkProgress progress, List<RecordIssue> issues, Instant now);

  /** Ends the job; false when {@code owner} no longer holds it or it has ended already. */
  boolean finish(MarcJobId id, String owner, JobState state, String failure, Instant now);

  /** Extends the lease of every unfinished job the owner holds. */
  void renewLeases(String owner, Instant until);

  /** Every job not yet COMPLETED or FAILED. */
  List<Held> unfinished();

  /** Gives the job to {@code newOwner} if {@code previousOwner} still holds it. */
  boolean takeOver(MarcJobId id, String previousOwner, String newOwner, Instant until);

  /** The job's issues in file order. */
  void issues(MarcJobId id, Consumer<RecordIssue> each);
}
