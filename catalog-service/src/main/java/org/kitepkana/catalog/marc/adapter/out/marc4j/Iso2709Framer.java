package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts an ISO 2709 stream into records before any parser sees them, so that a broken record can
 * never take a valid neighbour down with it: a record ends at its record terminator (0x1D), and a
 * record whose leader length disagrees with that terminator is either repaired (the length is
 * corrected and a warning given) or, when a valid record evidently starts inside it, reported as
 * truncated and cut off where its neighbour begins. Bytes that cannot start a record are reported
 * as one broken record up to the next point where a record can start.
 *
 * <p>Memory is bounded by {@link #WINDOW} (about 400 KB), whatever the size of the file.
 */
final class Iso2709Framer {

  static final byte RECORD_TERMINATOR = 0x1D;
  static final byte FIELD_TERMINATOR = 0x1E;
  static final int MAX_RECORD = 99_999;
  private static final int MIN_RECORD = 26; // leader, one field terminator, record terminator
  private static final int LOOKAHEAD = MAX_RECORD + 1;
  private static final int WINDOW = 4 * MAX_RECORD;

  /** A piece of the file: a record to parse, or bytes that cannot be one. */
  sealed interface Frame {
    long position();

    long offset();
  }

  /**
   * A record, its leader length consistent with its terminator (corrected if it was not).
   *
   * @param warning what was repaired, or null
   */
  record Whole(long position, long offset, byte[] bytes, String warning) implements Frame {}

  /**
   * Bytes that are not a usable record.
   *
   * @param head the first bytes, to find a control number in
   */
  record Broken(long position, long offset, byte[] head, String reason) implements Frame {}

  private final InputStream in;
  private final byte[] buf = new byte[WINDOW];
  private int start;
  private int end;
  private long bufferOffset;
  private boolean eof;
  private long position;

  Iso2709Framer(InputStream in) {
    this.in = in;
  }

  /** Bytes consumed so far. */
  long offset() {
    return bufferOffset + start;
  }

  /** The next frame, or null at the end of the stream. */
  Frame next() throws IOException {
    skipSeparators();
    if (available(1) == 0) {
      return null;
    }
    position++;
    long offset = offset();
    int avail = available(LOOKAHEAD);
    int terminator = indexOf(RECORD_TERMINATOR, start, start + avail);
    if (terminator < 0) {
      avail = available(WINDOW);
      terminator = indexOf(RECORD_TERMINATOR, start, start + avail);
    }
    int declared = digits(start, 5);
    if (terminator < 0) {
      return withoutTerminator(offset, avail, declared);
    }
    int length = terminator - start + 1;
    if (declared == length && length >= MIN_RECORD) {
      return whole(offset, length, null);
    }
    int neighbour =
        plausibleRecordStart(Math.max(start + 1, terminator - MAX_RECORD), terminator, terminator);
    if (declared < 0) {
      if (neighbour > 0) {
        return broken(
            offset,
            neighbour - start,
            (neighbour - start)
                + " bytes that are not a MARC record (no 5-digit record length at their start)"
                + " before the next record");
      }
      return broken(
          offset,
          length,
          "not a MARC record: the leader does not start with a 5-digit record length ("
              + printable(start, 5)
              + ")");
    }
    if (neighbour > start + 24) {
      return broken(
          offset,
          neighbour - start,
          "truncated: the leader says "
              + declared
              + " bytes, but the next record starts after "
              + (neighbour - start)
              + " bytes, before any record terminator of this one");
    }
    if (length < MIN_RECORD) {
      return broken(offset, length, "only " + length + " bytes up to the record terminator");
    }
    if (length > MAX_RECORD) {
      return broken(
          offset,
          length,
          "oversized record: "
              + length
              + " bytes up to the record terminator; ISO 2709 allows at most 99,999");
    }
    String warning =
        "the leader says the record is "
            + declared
            + " bytes, but its record terminator is at byte "
            + length
            + "; read as "
            + length
            + " bytes";
    return whole(offset, length, warning);
  }

  private Frame withoutTerminator(long offset, int avail, int declared) {
    if (eof && start + avail == end) {
      return broken(
          offset,
          avail,
          "truncated: the file ends "
              + avail
              + " bytes into this record, before its record terminator (0x1D)"
              + (declared > 0 ? "; the leader says " + declared + " bytes" : ""));
    }
    // No record can start where its terminator would have to lie inside the window already read.
    int skip = avail - MAX_RECORD;
    return broken(
        offset,
        skip,
        "no record terminator (0x1D) in "
            + avail
            + " bytes: not MARC data, or a record far over the 99,999-byte limit; skipped "
            + skip
            + " bytes");
  }

  private Frame whole(long offset, int length, String warning) {
    byte[] bytes = new byte[length];
    System.arraycopy(buf, start, bytes, 0, length);
    if (warning != null) {
      byte[] digits = String.format("%05d", length).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(digits, 0, bytes, 0, 5);
    }
    start += length;
    return new Whole(position, offset, bytes, warning);
  }

  private Frame broken(long offset, int length, String reason) {
    byte[] head = new byte[Math.min(length, 4096)];
    System.arraycopy(buf, start, head, 0, head.length);
    start += length;
    return new Broken(position, offset, head, reason);
  }

  /**
   * The first index in [from, to) where a record plausibly starts: five digits giving a length that
   * ends exactly on {@code terminator}, and a five-digit base address inside that length.
   */
  private int plausibleRecordStart(int from, int to, int terminator) {
    for (int i = from; i + 24 <= to; i++) {
      int length = digits(i, 5);
      if (length < MIN_RECORD || i + length - 1 != terminator) {
        continue;
      }
      int base = digits(i + 12, 5);
      if (base > 24 && base < length) {
        return i;
      }
    }
    return -1;
  }

  private void skipSeparators() throws IOException {
    while (available(1) > 0) {
      byte b = buf[start];
      if (b == '\n' || b == '\r' || b == ' ' || b == '\t' || b == 0 || b == 0x1A) {
        start++;
      } else {
        return;
      }
    }
  }

  /** Non-negative value of {@code count} ASCII digits at {@code at}, or -1. */
  private int digits(int at, int count) {
    if (at + count > end) {
      return -1;
    }
    int value = 0;
    for (int i = at; i < at + count; i++) {
      byte b = buf[i];
      if (b < '0' || b > '9') {
        return -1;
      }
      value = value * 10 + (b - '0');
    }
    return value;
  }

  private String printable(int at, int count) {
    StringBuilder s = new StringBuilder();
    for (int i = at; i < Math.min(end, at + count); i++) {
      int b = buf[i] & 0xff;
      s.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02X", b));
    }
    return s.toString();
  }

  private static int indexOf(byte value, byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private int indexOf(byte value, int from, int to) {
    return indexOf(value, buf, from, to);
  }

  /**
   * Makes up to {@code wanted} bytes available from {@code start}; returns how many are. Refills
   * the whole window when it must, so compaction happens once per window, not once per record.
   */
  private int available(int wanted) throws IOException {
    if (end - start >= wanted || eof) {
      return Math.min(wanted, end - start);
    }
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      bufferOffset += start;
      end -= start;
      start = 0;
    }
    while (end < buf.length) {
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        eof = true;
        break;
      }
      end += n;
    }
    return Math.min(wanted, end - start);
  }
}
