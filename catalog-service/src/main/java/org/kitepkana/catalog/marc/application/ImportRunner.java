package org.kitepkana.catalog.marc.application;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.kitepkana.catalog.marc.domain.ImportCounters;
import org.kitepkana.catalog.marc.domain.ImportedHolding;
import org.kitepkana.catalog.marc.domain.ImportedRecord;
import org.kitepkana.catalog.marc.domain.JobState;
import org.kitepkana.catalog.marc.domain.MarcJob;
import org.kitepkana.catalog.marc.domain.MarcJobId;
import org.kitepkana.catalog.marc.domain.RecordIssue;
import org.kitepkana.catalog.sync.domain.SyncItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import job to its end: reads the stored file record by record, applies the records in
 * chunks (reading the next chunk while the last is applied), and writes the job's counters,
 * progress and error-report lines after every chunk. A broken record is reported and skipped; only
 * an unreadable file or a failing store ends a job early, and then as FAILED, never left RUNNING. A
 * job resumed after a crash skips the records its last chunk covered (re-applying a chunk is
 * harmless: every upsert is idempotent).
 */
public final class ImportRunner {

  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  /** The lease was taken by another owner; this runner stops without touching the job. */
  static final class LeaseLost extends RuntimeException {
    LeaseLost() {
      super("lease lost", null, false, false);
    }
  }

  private final MarcJobStore jobs;
  private final UploadArea uploads;
  private final MarcSource source;
  private final ChunkApplier applier;
  private final ImportMetrics metrics;
  private final Clock clock;
  private final String owner;
  private final int chunkSize;

  public ImportRunner(
      MarcJobStore jobs,
      UploadArea uploads,
      MarcSource source,
      ChunkApplier applier,
      ImportMetrics metrics,
      Clock clock,
      String owner,
      int chunkSize) {
    this.jobs = jobs;
    this.uploads = uploads;
    this.source = source;
    this.applier = applier;
    this.metrics = metrics;
    this.clock = clock;
    this.owner = owner;
    this.chunkSize = chunkSize;
  }

  public String owner() {
    return owner;
  }

  public void run(MarcJobId id) {
    Optional<MarcJob> found = jobs.find(id);
    if (found.isEmpty() || found.get().state().isFinal()) {
      return;
    }
    MarcJob job = found.get();
    Optional<Path> file = uploads.find(id);
    if (file.isEmpty()) {
      jobs.finish(
          id,
          owner,
          JobState.FAILED,
          "The uploaded file is not on the instance that holds the job any more; upload it again"
              + " (importing the same file again creates no duplicate records or holdings).",
          clock.instant());
      return;
    }
    if (!jobs.start(id, owner, clock.instant())) {
      return;
    }
    boolean ended = false;
    try (MarcSource.Reader reader =
        source.open(
            file.get(),
            job.options().format(),
            job.options().encoding(),
            Year.now(clock).getValue() + 1)) {
      boolean complete = new Run(job, reader).readAll();
      if (complete) {
        ended = jobs.finish(id, owner, JobState.COMPLETED, null, clock.instant());
      }
    } catch (LeaseLost e) {
      log.warn("MARC import {} was taken over by another worker; this one stops", id);
    } catch (IOException | RuntimeException e) {
      if (interrupted(e)) {
        log.info("MARC import {} stopped with the service; it resumes from its last chunk", id);
        return;
      }
      log.error("MARC import {} failed", id, e);
      ended =
          jobs.finish(
              id,
              owner,
              JobState.FAILED,
              "The import stopped: "
                  + describe(e)
                  + ". Records before that point are imported;"
                  + " importing the same file again completes it without duplicates.",
              clock.instant());
    } finally {
      if (ended) {
        uploads.delete(id);
      }
    }
  }

  /** The worker was stopped (service shutdown): the job stays RUNNING and is resumed. */
  private static boolean interrupted(Throwable e) {
    if (Thread.currentThread().isInterrupted()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException
          || t instanceof java.io.InterruptedIOException
          || t instanceof java.nio.channels.ClosedByInterruptException
          || t.getClass().getSimpleName().contains("Interrupted")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** A chunk read, mapped and de-duplicated on the reading thread, ready to apply. */
  private record Prepared(
      Tally tally,
      List<ImportedRecord> accepted,
      List<SyncItem.Upsert> items,
      long lastPosition,
      long bytesRead,
      long parseNanos) {}

  /** The reading thread is done. */
  private record End() {}

  /** The reading thread failed. */
  private record ReadFailure(Exception cause) {}

  /**
   * One run over the file, in two threads: a reading thread parses, maps and de-duplicates the next
   * chunk while this worker thread applies the previous one, so parsing costs the job no time while
   * the store is the slower side (at most two chunks wait in between).
   */
  private final class Run {
    private final MarcJob job;
    private final MarcSource.Reader reader;
    private final SeenItems seen = new SeenItems();
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
    private long reportNanos;

    Run(MarcJob job, MarcSource.Reader reader) {
      this.job = job;
      this.reader = reader;
    }

    /** Reads and applies every record; false if the worker was asked to stop. */
    boolean readAll() throws IOException {
      Thread reading = new Thread(this::read, Thread.currentThread().getName() + "-reader");
      reading.setDaemon(true);
      reading.start();
      try {
        while (true) {
          Object next = ready.take();
          if (next instanceof End) {
            return true;
          }
          if (next instanceof ReadFailure failure) {
            if (failure.cause() instanceof IOException io) {
              throw io;
            }
            throw (RuntimeException) failure.cause();
          }
          apply((Prepared) next);
          if (Thread.currentThread().isInterrupted()) {
            return false;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        reading.interrupt();
        ready.clear();
        try {
          reading.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** The reading thread: chunks of records, prepared, handed over in file order. */
    private void read() {
      try {
        long skip = job.recordsDone();
        List<MarcSource.SourceRecord> chunk = new ArrayList<>(chunkSize);
        long parseStart = System.nanoTime();
        MarcSource.SourceRecord next;
        while ((next = reader.next()) != null) {
          if (next.position() <= skip) {
            remember(next);
            continue;
          }
          chunk.add(next);
          if (chunk.size() == chunkSize) {
            Prepared prepared = prepare(chunk, System.nanoTime() - parseStart);
            ready.put(prepared);
            chunk = new ArrayList<>(chunkSize);
            parseStart = System.nanoTime();
          }
        }
        if (!chunk.isEmpty()) {
          ready.put(prepare(chunk, System.nanoTime() - parseStart));
        }
        ready.put(new End());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException e) {
        handOver(new ReadFailure(e));
      } catch (Error e) {
        // Even an error must end the job, never leave the worker waiting for a chunk.
        handOver(new ReadFailure(new IllegalStateException("reading the file failed: " + e, e)));
        throw e;
      }
    }

    private void handOver(ReadFailure failure) {
      try {
        ready.put(failure);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** A record of a resumed job's done part still counts for duplicate detection. */
    private void remember(MarcSource.SourceRecord r) {
      if (r instanceof MarcSource.Readable readable) {
        ImportedRecord rec = readable.record();
        seen.putIfAbsent(rec.itemKey(), rec.contentHash(), rec.position());
      }
    }

    private Prepared prepare(List<MarcSource.SourceRecord> chunk, long parseNanos) {
      Tally tally = new Tally();
      List<ImportedRecord> accepted = new ArrayList<>();
      List<SyncItem.Upsert> items = new ArrayList<>();
      for (MarcSource.SourceRecord r : chunk) {
        tally.read++;
        if (r instanceof MarcSource.Unreadable unreadable) {
          tally.failed++;
          tally.issues.add(unreadable.issue());
          continue;
        }
        MarcSource.Readable readable = (MarcSource.Readable) r;
        ImportedRecord rec = readable.record();
        tally.encodings.merge(readable.encoding(), 1L, Long::sum);
        SeenItems.First first = seen.putIfAbsent(rec.itemKey(), rec.contentHash(), rec.position());
        if (first != null) {
          tally.repeated(rec, first);
          continue;
        }
        accepted.add(rec);
        for (ImportedHolding h : rec.holdings()) {
          ImportedHolding held = h.withDefaults(job.options().defaults());
          items.add(
              new SyncItem.Upsert(
                  items.size(),
                  held.itemId(),
                  rec.description(),
                  held.callNumber(),
                  held.copies(),
                  held.location()));
        }
      }
      return new Prepared(
          tally,
          accepted,
          items,
          chunk.get(chunk.size() - 1).position(),
          reader.bytesRead(),
          parseNanos);
    }

    private void apply(Prepared chunk) {
      Tally tally = chunk.tally();
      Map<String, ChunkApplier.Applied> results = new HashMap<>();
      ChunkApplier.Timing timing =
          chunk.items().isEmpty()
              ? new ChunkApplier.Timing(0, 0)
              : applier.apply(job.branchId(), chunk.items(), results);
      for (ImportedRecord rec : chunk.accepted()) {
        tally.applied(rec, results);
      }
      ImportCounters counters = tally.counters();
      MarcJob.Profile profile =
          new MarcJob.Profile(
              millis(chunk.parseNanos()),
              millis(timing.matchNanos()),
              millis(timing.storeNanos()),
              millis(reportNanos));
      long t0 = System.nanoTime();
      boolean held =
          jobs.recordChunk(
              job.id(),
              owner,
              new MarcJobStore.ChunkProgress(
                  counters, tally.encodings, profile, chunk.bytesRead(), chunk.lastPosition()),
              tally.issues,
              clock.instant());
      reportNanos = System.nanoTime() - t0;
      if (!held) {
        throw new LeaseLost();
      }
      metrics.chunkApplied(counters, chunk.bytesRead());
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  /** Counters and report lines of one chunk. */
  private static final class Tally {
    long read;
    long imported;
    long created;
    long matched;
    long unchanged;
    long failed;
    long warnings;
    long duplicates;
    final Map<String, Long> encodings = new HashMap<>();
    final List<RecordIssue> issues = new ArrayList<>();

    void repeated(ImportedRecord rec, SeenItems.First first) {
      String cn = rec.controlNumber();
      if (first.contentHash() == rec.contentHash()) {
        duplicates++;
        issues.add(
            new RecordIssue(
                rec.position(),
                cn,
                RecordIssue.Outcome.DUPLICATE,
                rec.byteOffset(),
                "repeats record "
                    + first.position()
                    + (cn == null ? " (same content)" : " (same control number, same content)")
                    + "; imported once"));
      } else {
        failed++;
        issues.add(
            RecordIssue.skipped(
                rec.position(),
                cn,
                rec.byteOffset(),
                "control number "
                    + cn
                    + " is also used by record "
                    + first.position()
                    + " of this file, with different content; item ids are made from the 001,"
                    + " so only the first record was imported"));
      }
    }

    void applied(ImportedRecord rec, Map<String, ChunkApplier.Applied> results) {
      boolean created = false;
      boolean changed = false;
      for (ImportedHolding h : rec.holdings()) {
        ChunkApplier.Applied a = results.get(h.itemId());
        if (a instanceof ChunkApplier.Done done) {
          created |= done.createdRecord();
          changed |= done.changed();
        } else {
          failed++;
          issues.add(
              RecordIssue.skipped(
                  rec.position(),
                  rec.controlNumber(),
                  rec.byteOffset(),
                  "the union record it belongs to was busy with other changes; import the file"
                      + " again to take this record (nothing is duplicated)"));
          return;
        }
      }
      imported++;
      if (created) {
        this.created++;
      } else {
        matched++;
      }
      if (!changed) {
        unchanged++;
      }
      if (!rec.warnings().isEmpty()) {
        warnings++;
        issues.add(
            RecordIssue.warning(
                rec.position(),
                rec.controlNumber(),
                rec.byteOffset(),
                String.join("; ", rec.warnings())));
      }
    }

    ImportCounters counters() {
      return new ImportCounters(
          read, imported, created, matched, unchanged, failed, warnings, duplicates);
    }
  }
}
