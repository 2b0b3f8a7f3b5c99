package org.kitepkana.catalog.marc.domain;

/**
 * What an import did so far, by record.
 *
 * @param read records read from the file, whatever became of them
 * @param imported records whose holdings are now in the union catalogue (created, matched or
 *     unchanged)
 * @param created imported records that started a new union record
 * @param matched imported records attached to a union record that already existed (by the branch's
 *     earlier import, by ISBN-13 or by match key)
 * @param unchanged imported records that changed nothing, e.g. on re-importing the same file
 * @param failed records skipped; each has a line in the error report
 * @param warnings imported records with a warning line in the error report
 * @param duplicates records that repeat an earlier record of the file and were counted once
 */
public record ImportCounters(
    long read,
    long imported,
    long created,
    long matched,
    long unchanged,
    long failed,
    long warnings,
    long duplicates) {

  public static final ImportCounters ZERO = new ImportCounters(0, 0, 0, 0, 0, 0, 0, 0);

  public ImportCounters plus(ImportCounters o) {
    return new ImportCounters(
        read + o.read,
        imported + o.imported,
        created + o.created,
        matched + o.matched,
        unchanged + o.unchanged,
        failed + o.failed,
        warnings + o.warnings,
        duplicates + o.duplicates);
  }
}
