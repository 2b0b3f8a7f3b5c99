package org.kitepkana.catalog.marc.domain;

import java.util.Objects;

/**
 * One line of a job's error report: a record the import skipped, took with a warning, or found
 * twice in the file.
 *
 * @param position the record's ordinal in the file, from 1
 * @param controlNumber the record's 001, when it could be read; null otherwise
 * @param outcome what the import did with the record
 * @param byteOffset where the record starts in the file (ISO 2709), or -1 when unknown (MARCXML)
 * @param reason what is wrong, for a librarian to act on
 */
public record RecordIssue(
    long position, String controlNumber, Outcome outcome, long byteOffset, String reason) {

  /** What the import did with a record it reports. */
  public enum Outcome {
    /** Not imported: the record is broken or lacks what a union record needs. */
    SKIPPED,
    /** Imported, but something was repaired or left out; the reason says what. */
    WARNING,
    /** The same record (same control number, same content) appeared earlier in the file. */
    DUPLICATE
  }

  public static final int MAX_REASON = 1000;

  public RecordIssue {
    if (position < 1) {
      throw new IllegalArgumentException("position starts at 1");
    }
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON - 1) + "…";
    }
    if (controlNumber != null && controlNumber.length() > 100) {
      controlNumber = controlNumber.substring(0, 100);
    }
  }

  public static RecordIssue skipped(long position, String controlNumber, long offset, String why) {
    return new RecordIssue(position, controlNumber, Outcome.SKIPPED, offset, why);
  }

  public static RecordIssue warning(long position, String controlNumber, long offset, String why) {
    return new RecordIssue(position, controlNumber, Outcome.WARNING, offset, why);
  }
}
