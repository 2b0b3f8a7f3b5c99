package org.kitepkana.catalog.marc.application;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Consumer;
import org.kitepkana.catalog.branch.application.BranchRepository;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.RecordId;

/** Exports: a record as MARCXML or MARC-in-JSON, a branch's holdings one by one. */
public final class CatalogExports {

  /** The formats a record is exported in. */
  public enum RecordFormat {
    MARCXML,
    MARC_JSON
  }

  private final RecordStore records;
  private final BranchRepository branches;
  private final RecordFormats formats;
  private final BranchHoldings holdings;

  public CatalogExports(
      RecordStore records,
      BranchRepository branches,
      RecordFormats formats,
      BranchHoldings holdings) {
    this.records = records;
    this.branches = branches;
    this.formats = formats;
    this.holdings = holdings;
  }

  /** The record, or for a record merged away the record it was merged into. */
  public Optional<CatalogRecord> record(RecordId id) {
    return records.findFollowingMerges(id);
  }

  public void write(CatalogRecord record, RecordFormat format, OutputStream out)
      throws IOException {
    if (format == RecordFormat.MARCXML) {
      formats.writeMarcXml(record, out);
    } else {
      formats.writeMarcJson(record, out);
    }
  }

  public boolean branchExists(BranchId branch) {
    return branches.find(branch).isPresent();
  }

  public void holdings(BranchId branch, Consumer<RecordStore.HeldItem> each) {
    holdings.forEach(branch, each);
  }
}
