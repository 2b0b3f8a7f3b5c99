package org.kitepkana.catalog.marc.application;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.kitepkana.catalog.marc.domain.ImportedRecord;
import org.kitepkana.catalog.marc.domain.RecordIssue;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.kitepkana.catalog.marc.domain.SourceFormat;

/**
 * Reads MARC files: tells from the first bytes whether an upload can be MARC at all, and reads a
 * stored file record by record, streaming, mapping each record to what the union catalogue keeps.
 */
public interface MarcSource {

  /** What the first bytes of an upload are. */
  sealed interface Sniffed {}

  /** MARC in this container. */
  record Marc(SourceFormat format) implements Sniffed {}

  /** Not a MARC file at all; the reason says what it looks like instead. */
  record NotMarc(String reason) implements Sniffed {}

  /** Nothing but (possibly) white space. */
  record Empty() implements Sniffed {}

  /** A record as read: mapped, or the reason it cannot be. */
  sealed interface SourceRecord {
    long position();
  }

  /**
   * A record read and mapped.
   *
   * @param encoding the character encoding its data was read in (UTF_8, MARC_8, CP1251)
   */
  record Readable(ImportedRecord record, String encoding) implements SourceRecord {
    @Override
    public long position() {
      return record.position();
    }
  }

  /** A record that could not be read or mapped; reading goes on with the next one. */
  record Unreadable(RecordIssue issue) implements SourceRecord {
    @Override
    public long position() {
      return issue.position();
    }
  }

  /** An open file. Not thread-safe: one reader per job. */
  interface Reader extends Closeable {

    /**
     * The next record, or null at the end of the file. A broken record is returned as {@link
     * Unreadable}, never thrown; an exception means the file itself cannot be read any more.
     */
    SourceRecord next() throws IOException;

    /** Bytes of the file consumed so far. */
    long bytesRead();
  }

  /**
   * Says what an upload is from its first bytes.
   *
   * @param head the first bytes, as many as the upload has up to the caller's sniff size
   */
  Sniffed sniff(byte[] head, int length);

  /**
   * Opens a stored upload.
   *
   * @param encoding for ISO 2709: the encoding to read the data in, or AUTO (leader/09, then
   *     detection); ignored for MARCXML
   * @param latestYear the latest plausible year of publication (next year)
   */
  Reader open(Path file, SourceFormat format, SourceEncoding encoding, int latestYear)
      throws IOException;
}
