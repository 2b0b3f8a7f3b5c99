package org.kitepkana.catalog.record.adapter.in.web;

import java.util.List;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Holding;

/** A union-catalogue record with every branch's holdings, as the API shows it. */
record RecordResponse(
    String id,
    long version,
    String kind,
    String title,
    List<String> authors,
    String isbn13,
    Integer year,
    String language,
    String publisher,
    String edition,
    List<String> subjects,
    List<String> udc,
    List<String> bbk,
    List<HoldingResponse> holdings) {

  /** One branch's holding. */
  record HoldingResponse(
      String branchId,
      String itemId,
      String callNumber,
      int copies,
      String location,
      String status) {

    static HoldingResponse of(Holding h) {
      return new HoldingResponse(
          h.branchId().value(),
          h.itemId(),
          h.callNumber(),
          h.copies(),
          h.location(),
          h.status().name());
    }
  }

  static RecordResponse of(CatalogRecord r) {
    var d = r.description();
    return new RecordResponse(
        r.id().value(),
        r.version(),
        d.kind().name(),
        d.title(),
        d.authors(),
        d.isbn() == null ? null : d.isbn().value(),
        d.year(),
        d.language(),
        d.publisher(),
        d.edition(),
        d.subjects(),
        d.udc(),
        d.bbk(),
        r.holdings().stream().map(HoldingResponse::of).toList());
  }
}
