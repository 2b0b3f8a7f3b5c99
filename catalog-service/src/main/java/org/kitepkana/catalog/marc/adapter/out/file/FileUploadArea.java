package org.kitepkana.catalog.marc.adapter.out.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.kitepkana.catalog.marc.application.UploadArea;
import org.kitepkana.catalog.marc.domain.MarcJobId;

/** Uploads as files {@code <job id>.upload} in one directory of this instance's disk. */
public final class FileUploadArea implements UploadArea {

  private static final String SUFFIX = ".upload";
  private static final int BUFFER = 64 * 1024;

  private final Path dir;

  public FileUploadArea(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the MARC upload directory " + dir, e);
    }
  }

  @Override
  public Stored store(MarcJobId job, byte[] head, int headLength, InputStream rest)
      throws IOException {
    Path file = file(job);
    long bytes = headLength;
    try (OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(head, 0, headLength);
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = rest.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        bytes += n;
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new Stored(file, bytes);
  }

  @Override
  public Optional<Path> find(MarcJobId job) {
    Path file = file(job);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  @Override
  public void delete(MarcJobId job) {
    try {
      Files.deleteIfExists(file(job));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<MarcJobId, Instant> stored() {
    Map<MarcJobId, Instant> found = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            String name = f.getFileName().toString();
            String id =
                name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : "";
            if (MarcJobId.isValid(id)) {
              try {
                found.put(new MarcJobId(id), Files.getLastModifiedTime(f).toInstant());
              } catch (IOException e) {
                // Deleted meanwhile.
              }
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private Path file(MarcJobId job) {
    return dir.resolve(job.value() + SUFFIX);
  }
}
