package org.kitepkana.catalog.marc.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.catalog.marc.domain.MarcJobId;

/**
 * Where uploads wait for their job: on this instance's disk, never in memory, so a 500 MB file
 * costs a buffer, not a heap.
 */
public interface UploadArea {

  /** An upload on disk. */
  record Stored(Path path, long bytes) {}

  /**
   * Writes the bytes already read ({@code head}) and then the rest of the body to the job's file.
   * On any failure (the client went away, the body is over the size limit) the partial file is
   * deleted and the exception propagates.
   */
  Stored store(MarcJobId job, byte[] head, int headLength, InputStream rest) throws IOException;

  /** The job's file, if this instance has it. */
  Optional<Path> find(MarcJobId job);

  void delete(MarcJobId job);

  /** Every upload on this instance, with when it was last written. */
  Map<MarcJobId, Instant> stored();
}
