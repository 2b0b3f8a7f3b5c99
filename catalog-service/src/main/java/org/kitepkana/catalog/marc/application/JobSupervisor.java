package org.kitepkana.catalog.marc.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.kitepkana.catalog.marc.domain.JobState;
import org.kitepkana.catalog.marc.domain.MarcJobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps jobs from staying RUNNING forever. Every instance renews, on a timer, the lease of the jobs
 * it holds ({@link #heartbeat}); a job whose lease ran out belongs to an instance that died. {@link
 * #recover} (at startup and on a timer) takes such jobs over: if their file is on this instance
 * (the same host restarted, or a shared work directory) the job resumes after its last applied
 * chunk; otherwise it is marked FAILED with a reason that tells the branch to upload the file
 * again, which is safe because re-importing creates no duplicates. A job held by an earlier run of
 * this very instance (same instance id, other boot) is taken over at once, without waiting for its
 * lease.
 */
public final class JobSupervisor {

  private static final Logger log = LoggerFactory.getLogger(JobSupervisor.class);

  private final MarcJobStore jobs;
  private final UploadArea uploads;
  private final Consumer<MarcJobId> resume;
  private final Clock clock;
  private final String owner;
  private final Duration lease;

  public JobSupervisor(
      MarcJobStore jobs,
      UploadArea uploads,
      Consumer<MarcJobId> resume,
      Clock clock,
      String owner,
      Duration lease) {
    this.jobs = jobs;
    this.uploads = uploads;
    this.resume = resume;
    this.clock = clock;
    this.owner = owner;
    this.lease = lease;
  }

  /** The owner token of a worker: instance id, '#', boot id. */
  public static String owner(String instance, String boot) {
    return instance + "#" + boot;
  }

  public Instant leaseUntil() {
    return clock.instant().plus(lease);
  }

  public void heartbeat() {
    jobs.renewLeases(owner, leaseUntil());
  }

  /** Takes over jobs of dead instances; returns how many. */
  public int recover() {
    Instant now = clock.instant();
    int taken = 0;
    for (MarcJobStore.Held held : jobs.unfinished()) {
      if (owner.equals(held.owner())) {
        continue;
      }
      boolean earlierSelf = instanceOf(held.owner()).equals(instanceOf(owner));
      boolean expired = held.leaseUntil() == null || held.leaseUntil().isBefore(now);
      if ((earlierSelf || expired) && jobs.takeOver(held.id(), held.owner(), owner, leaseUntil())) {
        taken++;
        if (uploads.find(held.id()).isPresent()) {
          log.info("Resuming MARC import {} of {}", held.id(), held.owner());
          resume.accept(held.id());
        } else {
          log.warn(
              "MARC import {} of {} was interrupted; its file is gone", held.id(), held.owner());
          jobs.finish(
              held.id(),
              owner,
              JobState.FAILED,
              "The import was interrupted: the instance running it stopped, and the uploaded file"
                  + " is not available to the others. Records counted so far are imported; upload"
                  + " the file again to finish (importing the same file again creates no duplicate"
                  + " records or holdings).",
              clock.instant());
        }
      }
    }
    return taken;
  }

  /**
   * Deletes uploads whose job has ended, or that have no job an hour after they were written (the
   * instance died between storing the file and creating the job).
   */
  public void sweepUploads() {
    Instant stale = clock.instant().minus(Duration.ofHours(1));
    uploads
        .stored()
        .forEach(
            (id, written) -> {
              var job = jobs.find(id);
              boolean ended = job.isPresent() && job.get().state().isFinal();
              if (ended || (job.isEmpty() && written.isBefore(stale))) {
                uploads.delete(id);
              }
            });
  }

  private static String instanceOf(String ownerToken) {
    int hash = ownerToken == null ? -1 : ownerToken.lastIndexOf('#');
    return hash < 0 ? String.valueOf(ownerToken) : ownerToken.substring(0, hash);
  }
}
