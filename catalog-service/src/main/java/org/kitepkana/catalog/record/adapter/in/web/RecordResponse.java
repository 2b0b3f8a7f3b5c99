package org.kitepkana.catalog.record.adapter.in.web;

import java.util.List;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Holding;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * A union-catalogue record with every branch's holdings, as the API shows it. {@code state} is
 * ACTIVE, or MERGING while a coordinator merges it into {@code mergeTarget} (a MERGED record is not
 * shown: its reads redirect to the survivor).
 */
public record RecordResponse(
    String id,
    long version,
    String state,
    String mergeTarget,
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
  public record HoldingResponse(
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

  /** The ETag of a record: its version, for {@code If-Match} on an edit. */
  public static String etag(CatalogRecord record) {
    return "\"" + record.version() + "\"";
  }

  public static RecordResponse of(CatalogRecord r) {
    var d = r.description();
    return new RecordResponse(
        r.id().value(),
        r.version(),
        r.state().name(),
        r.mergeTarget().map(RecordId::value).orElse(null),
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
