package org.kitepkana.catalog.marc.domain;

import java.util.Objects;

/**
 * How to read an uploaded file and what its holdings default to.
 *
 * @param format the container, or null to tell it from the file's first bytes
 * @param encoding the character encoding of ISO 2709 data (ignored for MARCXML, which declares its
 *     own)
 * @param defaults holding fields the records do not give
 * @param fileName the name the branch gave the file, for its own reference; may be null
 */
public record ImportOptions(
    SourceFormat format, SourceEncoding encoding, HoldingDefaults defaults, String fileName) {

  public ImportOptions {
    encoding = Objects.requireNonNullElse(encoding, SourceEncoding.AUTO);
    defaults = Objects.requireNonNullElse(defaults, HoldingDefaults.none());
    fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
    if (fileName != null && fileName.length() > 255) {
      fileName = fileName.substring(0, 255);
    }
  }

  public ImportOptions withFormat(SourceFormat detected) {
    return new ImportOptions(detected, encoding, defaults, fileName);
  }
}
