package org.kitepkana.catalog.marc.application;

import java.io.IOException;
import java.io.OutputStream;
import org.kitepkana.catalog.record.domain.CatalogRecord;

/** Writes union-catalogue records as MARC for other library systems. */
public interface RecordFormats {

  /** One record as a MARCXML collection (UTF-8). */
  void writeMarcXml(CatalogRecord record, OutputStream out) throws IOException;

  /** One record as MARC-in-JSON (UTF-8). */
  void writeMarcJson(CatalogRecord record, OutputStream out) throws IOException;
}
