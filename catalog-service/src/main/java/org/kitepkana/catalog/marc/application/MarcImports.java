package org.kitepkana.catalog.marc.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.kitepkana.catalog.branch.application.BranchRepository;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.marc.domain.ImportCounters;
import org.kitepkana.catalog.marc.domain.ImportOptions;
import org.kitepkana.catalog.marc.domain.JobState;
import org.kitepkana.catalog.marc.domain.MarcJob;
import org.kitepkana.catalog.marc.domain.MarcJobId;
import org.kitepkana.catalog.marc.domain.RecordIssue;
import org.kitepkana.catalog.marc.domain.SourceFormat;
import org.kitepkana.platform.security.Actor;

/**
 * MARC imports for the web: takes an upload (sniffing its first bytes before anything is stored),
 * stores it, creates the job and hands it to a worker; answers for jobs and their error reports.
 */
public final class MarcImports {

  /** Bytes read before deciding whether an upload can be MARC at all. */
  public static final int SNIFF_BYTES = 64 * 1024;

  /** The answer to an upload. */
  public sealed interface StartResult {}

  /** The job exists and will run; poll it. */
  public record Started(MarcJob job) implements StartResult {}

  public record UnknownBranch() implements StartResult {}

  /** Only a coordinator or the branch's own librarian imports into it. */
  public record Forbidden(String reason) implements StartResult {}

  /** The upload is empty. */
  public record EmptyFile() implements StartResult {}

  /** The upload cannot be a MARC file (or not the format the request names). */
  public record NotMarc(String reason) implements StartResult {}

  private final BranchRepository branches;
  private final MarcSource source;
  private final UploadArea uploads;
  private final MarcJobStore jobs;
  private final Consumer<MarcJobId> workers;
  private final JobSupervisor supervisor;
  private final String owner;
  private final Clock clock;

  public MarcImports(
      BranchRepository branches,
      MarcSource source,
      UploadArea uploads,
      MarcJobStore jobs,
      Consumer<MarcJobId> workers,
      JobSupervisor supervisor,
      String owner,
      Clock clock) {
    this.branches = branches;
    this.source = source;
    this.uploads = uploads;
    this.jobs = jobs;
    this.workers = workers;
    this.supervisor = supervisor;
    this.owner = owner;
    this.clock = clock;
  }

  public StartResult start(Actor actor, BranchId branch, ImportOptions options, InputStream body)
      throws IOException {
    if (!mayManage(actor, branch)) {
      return new Forbidden(
          "only a coordinator or the librarian of " + branch.value() + " imports into it");
    }
    if (branches.find(branch).isEmpty()) {
      return new UnknownBranch();
    }
    byte[] head = new byte[SNIFF_BYTES];
    int length = body.readNBytes(head, 0, head.length);
    MarcSource.Sniffed sniffed = source.sniff(head, length);
    if (sniffed instanceof MarcSource.Empty) {
      return new EmptyFile();
    }
    if (sniffed instanceof MarcSource.NotMarc notMarc) {
      return new NotMarc(notMarc.reason());
    }
    SourceFormat format = ((MarcSource.Marc) sniffed).format();
    if (options.format() != null && options.format() != format) {
      return new NotMarc(
          "the request says format "
              + options.format()
              + " but the file starts like "
              + format
              + "; leave format out to have it detected");
    }
    Instant now = clock.instant();
    MarcJobId id = MarcJobId.newId(now);
    UploadArea.Stored stored = uploads.store(id, head, length, body);
    MarcJob job =
        new MarcJob(
            id,
            branch,
            options.withFormat(format),
            JobState.QUEUED,
            stored.bytes(),
            0,
            0,
            ImportCounters.ZERO,
            null,
            now,
            null,
            now,
            null,
            null,
            null);
    try {
      jobs.create(job, owner, supervisor.leaseUntil());
    } catch (RuntimeException e) {
      uploads.delete(id);
      throw e;
    }
    workers.accept(id);
    return new Started(job);
  }

  /**
   * A coordinator, or the librarian of exactly this branch, may import into it and see its jobs.
   */
  public boolean mayManage(Actor actor, BranchId branch) {
    return actor.mayManageBranch(branch.value());
  }

  /** The job, if it belongs to the branch. */
  public Optional<MarcJob> job(BranchId branch, MarcJobId id) {
    return jobs.find(id).filter(j -> j.branchId().equals(branch));
  }

  public void issues(MarcJobId id, Consumer<RecordIssue> each) {
    jobs.issues(id, each);
  }
}
