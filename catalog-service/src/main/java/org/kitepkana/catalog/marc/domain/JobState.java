package org.kitepkana.catalog.marc.domain;

/** Where an import job is. Every job ends COMPLETED or FAILED; none stays RUNNING forever. */
public enum JobState {
  /** Received and stored; waiting for a worker. */
  QUEUED,
  /** A worker is reading and applying records. */
  RUNNING,
  /** Every record was read: imported, or reported in the error report. */
  COMPLETED,
  /** The job could not finish (its file was lost with a crashed instance, or the store failed). */
  FAILED;

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED;
  }
}
