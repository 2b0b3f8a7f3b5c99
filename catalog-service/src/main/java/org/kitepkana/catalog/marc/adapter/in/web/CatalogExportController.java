package org.kitepkana.catalog.marc.adapter.in.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.marc.application.CatalogExports;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Holding;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports for other library systems: a record as MARCXML or MARC-in-JSON, and a branch's holdings
 * as CSV (streamed; UTF-8 with a byte-order mark by default, so spreadsheets show Cyrillic).
 */
@RestController
class CatalogExportController {

  private final CatalogExports exports;

  CatalogExportController(CatalogExports exports) {
    this.exports = exports;
  }

  @GetMapping("/api/catalog/records/{recordId}/marcxml")
  void marcXml(@PathVariable String recordId, HttpServletResponse response) throws IOException {
    CatalogRecord record = record(recordId);
    response.setContentType("application/marcxml+xml; charset=UTF-8");
    exports.write(record, CatalogExports.RecordFormat.MARCXML, response.getOutputStream());
  }

  @GetMapping("/api/catalog/records/{recordId}/marc-json")
  void marcJson(@PathVariable String recordId, HttpServletResponse response) throws IOException {
    CatalogRecord record = record(recordId);
    response.setContentType("application/json; charset=UTF-8");
    exports.write(record, CatalogExports.RecordFormat.MARC_JSON, response.getOutputStream());
  }

  @GetMapping("/api/catalog/branches/{branchId}/holdings.csv")
  void holdingsCsv(
      @PathVariable String branchId,
      @RequestParam(defaultValue = "true") boolean bom,
      HttpServletResponse response)
      throws IOException {
    if (!BranchId.isValid(branchId) || !exports.branchExists(new BranchId(branchId))) {
      throw ApiProblem.notFound("No branch " + branchId);
    }
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + branchId + "-holdings.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    if (bom) {
      out.write(Csv.BOM);
    }
    Csv.line(
        out,
        "itemId",
        "recordId",
        "title",
        "authors",
        "isbn13",
        "year",
        "publisher",
        "language",
        "callNumber",
        "location",
        "copies",
        "status");
    try {
      exports.holdings(
          new BranchId(branchId),
          held -> {
            Holding h = held.holding();
            Description d = held.record().description();
            try {
              Csv.line(
                  out,
                  h.itemId(),
                  held.record().id().value(),
                  d.title(),
                  String.join("; ", d.authors()),
                  d.isbn() == null ? null : d.isbn().value(),
                  d.year(),
                  d.publisher(),
                  d.language(),
                  h.callNumber(),
                  h.location(),
                  h.copies(),
                  h.status().name());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  private CatalogRecord record(String recordId) {
    if (!RecordId.isValid(recordId)) {
      throw ApiProblem.notFound("No record " + recordId);
    }
    return exports
        .record(new RecordId(recordId))
        .orElseThrow(() -> ApiProblem.notFound("No record " + recordId));
  }
}
