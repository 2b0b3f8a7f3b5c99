package org.kitepkana.catalog.marc.adapter.in.web;

import java.time.Instant;
import java.util.Map;
import org.kitepkana.catalog.marc.domain.MarcJob;

/** An import job as the API shows it. */
record MarcJobResponse(
    String jobId,
    String branchId,
    String state,
    String format,
    String encoding,
    String fileName,
    Defaults defaults,
    long bytes,
    long bytesRead,
    double progress,
    Records records,
    Map<String, Long> recordsByEncoding,
    double recordsPerSecond,
    Long secondsLeft,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    String failure,
    MarcJob.Profile profile,
    Links links) {

  /** The holding defaults given with the upload. */
  record Defaults(String callNumber, String location, int copies) {}

  /** Counters by record; see {@link org.kitepkana.catalog.marc.domain.ImportCounters}. */
  record Records(
      long read,
      long imported,
      long created,
      long matched,
      long unchanged,
      long failed,
      long warnings,
      long duplicates) {}

  /** Where to poll and where the error report is. */
  record Links(String self, String errors) {}

  static MarcJobResponse of(MarcJob job, Instant now) {
    String self = "/api/catalog/branches/" + job.branchId().value() + "/marc-imports/" + job.id();
    var c = job.counters();
    var d = job.options().defaults();
    double progress =
        job.state().isFinal()
            ? 1.0
            : job.sourceBytes() == 0
                ? 0
                : Math.min(1.0, (double) job.bytesDone() / job.sourceBytes());
    var left = job.secondsLeft(now);
    return new MarcJobResponse(
        job.id().value(),
        job.branchId().value(),
        job.state().name(),
        job.options().format() == null ? null : job.options().format().name(),
        job.options().encoding().name(),
        job.options().fileName(),
        new Defaults(d.callNumber(), d.location(), d.copies()),
        job.sourceBytes(),
        job.bytesDone(),
        Math.round(progress * 1000) / 1000.0,
        new Records(
            c.read(),
            c.imported(),
            c.created(),
            c.matched(),
            c.unchanged(),
            c.failed(),
            c.warnings(),
            c.duplicates()),
        job.encodings(),
        Math.round(job.recordsPerSecond(now) * 10) / 10.0,
        left.isPresent() ? left.getAsLong() : null,
        job.createdAt(),
        job.startedAt(),
        job.updatedAt(),
        job.finishedAt(),
        job.failure(),
        job.profile(),
        new Links(self, self + "/errors.csv"));
  }
}
