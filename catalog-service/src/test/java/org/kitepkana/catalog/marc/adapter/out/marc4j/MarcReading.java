package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kitepkana.catalog.marc.application.MarcSource;
import org.kitepkana.catalog.marc.domain.ImportedRecord;
import org.kitepkana.catalog.marc.domain.RecordIssue;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.kitepkana.catalog.marc.domain.SourceFormat;

/** Reads a whole file through {@link Marc4jSource}, for assertions. */
final class MarcReading {

  static final int LATEST_YEAR = 2027;

  private MarcReading() {}

  static List<MarcSource.SourceRecord> read(
      Path file, SourceFormat format, SourceEncoding encoding) {
    List<MarcSource.SourceRecord> all = new ArrayList<>();
    try (MarcSource.Reader reader = new Marc4jSource().open(file, format, encoding, LATEST_YEAR)) {
      MarcSource.SourceRecord r;
      while ((r = reader.next()) != null) {
        all.add(r);
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<MarcSource.SourceRecord> read(Path file) {
    return read(file, SourceFormat.ISO_2709, SourceEncoding.AUTO);
  }

  static List<MarcSource.SourceRecord> read(Path dir, byte[] bytes, SourceEncoding encoding) {
    try {
      Path file = Files.createTempFile(dir, "crafted-", ".mrc");
      Files.write(file, bytes);
      return read(file, SourceFormat.ISO_2709, encoding);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ImportedRecord> readable(List<MarcSource.SourceRecord> all) {
    return all.stream()
        .filter(r -> r instanceof MarcSource.Readable)
        .map(r -> ((MarcSource.Readable) r).record())
        .toList();
  }

  static List<RecordIssue> skipped(List<MarcSource.SourceRecord> all) {
    return all.stream()
        .filter(r -> r instanceof MarcSource.Unreadable)
        .map(r -> ((MarcSource.Unreadable) r).issue())
        .toList();
  }

  static ImportedRecord at(List<MarcSource.SourceRecord> all, int position) {
    MarcSource.SourceRecord r = all.get(position - 1);
    if (r.position() != position || !(r instanceof MarcSource.Readable readable)) {
      throw new AssertionError("record " + position + " is not readable: " + r);
    }
    return readable.record();
  }

  static String encodingAt(List<MarcSource.SourceRecord> all, int position) {
    return ((MarcSource.Readable) all.get(position - 1)).encoding();
  }
}
