package org.kitepkana.catalog.record.adapter.in.web;

import java.net.URI;
import java.util.List;
import org.kitepkana.catalog.branch.application.BranchRepository;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.record.domain.RecordState;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads of the union catalogue: a record, records by ISBN, a branch's holdings. */
@RestController
class RecordController {

  private static final int MAX_PAGE_SIZE = 500;

  private final RecordStore records;
  private final BranchRepository branches;

  RecordController(RecordStore records, BranchRepository branches) {
    this.records = records;
    this.branches = branches;
  }

  /**
   * A record with its version as ETag (for {@code If-Match} on an edit). A record merged away
   * answers 308 with {@code Location:} the record it lives on now, following chains of merges.
   */
  @GetMapping("/api/catalog/records/{recordId}")
  ResponseEntity<RecordResponse> record(@PathVariable String recordId) {
    if (!RecordId.isValid(recordId)) {
      throw ApiProblem.notFound("No record " + recordId);
    }
    CatalogRecord record =
        records
            .find(new RecordId(recordId))
            .orElseThrow(() -> ApiProblem.notFound("No record " + recordId));
    if (record.state() == RecordState.MERGED) {
      CatalogRecord survivor =
          records
              .findFollowingMerges(record.id())
              .orElseThrow(() -> ApiProblem.notFound("No record " + recordId));
      return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
          .location(URI.create("/api/catalog/records/" + survivor.id().value()))
          .build();
    }
    return ResponseEntity.ok().eTag(RecordResponse.etag(record)).body(RecordResponse.of(record));
  }

  @GetMapping("/api/catalog/records")
  List<RecordResponse> byIsbn(@RequestParam String isbn) {
    Isbn parsed;
    try {
      parsed = Isbn.parse(isbn);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("isbn", e.getMessage());
    }
    return records.findByIsbn(parsed).stream().map(RecordResponse::of).toList();
  }

  /** A page of holdings, each with its record's title and authors. */
  record BranchHoldingsPage(String branchId, int page, int size, long total, List<Item> items) {
    record Item(
        String itemId,
        String recordId,
        String title,
        List<String> authors,
        String isbn13,
        String callNumber,
        int copies,
        String location,
        String status) {}
  }

  @GetMapping("/api/catalog/branches/{branchId}/holdings")
  BranchHoldingsPage holdings(
      @PathVariable String branchId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (!BranchId.isValid(branchId) || branches.find(new BranchId(branchId)).isEmpty()) {
      throw ApiProblem.notFound("No branch " + branchId);
    }
    if (page < 0) {
      throw ApiProblem.badRequest("page", "must not be negative");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiProblem.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    BranchId branch = new BranchId(branchId);
    var items =
        records.branchHoldings(branch, page, size).stream()
            .map(
                held -> {
                  var h = held.holding();
                  var d = held.record().description();
                  return new BranchHoldingsPage.Item(
                      h.itemId(),
                      held.record().id().value(),
                      d.title(),
                      d.authors(),
                      d.isbn() == null ? null : d.isbn().value(),
                      h.callNumber(),
                      h.copies(),
                      h.location(),
                      h.status().name());
                })
            .toList();
    return new BranchHoldingsPage(branchId, page, size, records.countBranchHoldings(branch), items);
  }
}
