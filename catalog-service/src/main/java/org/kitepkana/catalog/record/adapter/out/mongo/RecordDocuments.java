package org.kitepkana.catalog.record.adapter.out.mongo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Curation;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Holding;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.HoldingStatus;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.Kind;
import org.kitepkana.catalog.record.domain.MatchKey;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.record.domain.RecordState;

/**
 * The document form of a record and its holdings. Curation fields ({@code state}, {@code
 * mergeTarget}, {@code incoming}, {@code movingOut}, {@code departed}, {@code mergeHoldings}) are
 * absent on records written before curation existed, and read as an untouched ACTIVE record.
 */
final class RecordDocuments {

  private RecordDocuments() {}

  static Document toDocument(CatalogRecord record, long version) {
    Description d = record.description();
    return new Document("_id", record.id().value())
        .append("version", version)
        .append("kind", d.kind().name())
        .append("title", d.title())
        .append("authors", d.authors())
        .append("isbn13", d.isbn() == null ? null : d.isbn().value())
        .append("year", d.year())
        .append("language", d.language())
        .append("publisher", d.publisher())
        .append("edition", d.edition())
        .append("subjects", d.subjects())
        .append("udc", d.udc())
        .append("bbk", d.bbk())
        .append("matchKey", record.matchKey().value())
        .append("holdings", record.holdings().stream().map(RecordDocuments::toDocument).toList())
        .append("state", record.state().name())
        .append("mergeTarget", record.mergeTarget().map(RecordId::value).orElse(null))
        .append("incoming", List.copyOf(record.curation().incoming()))
        .append("movingOut", refs(record.curation().movingOut()))
        .append("departed", refs(record.curation().departed()))
        .append(
            "mergeHoldings",
            record.curation().mergeHoldings().stream()
                .map(
                    r ->
                        new Document("branchId", r.branchId().value()).append("itemId", r.itemId()))
                .toList());
  }

  private static List<Document> refs(Map<HoldingRef, RecordId> refs) {
    List<Document> docs = new ArrayList<>();
    refs.forEach(
        (ref, to) ->
            docs.add(
                new Document("branchId", ref.branchId().value())
                    .append("itemId", ref.itemId())
                    .append("recordId", to.value())));
    return docs;
  }

  private static Map<HoldingRef, RecordId> refs(List<Document> docs) {
    Map<HoldingRef, RecordId> refs = new LinkedHashMap<>();
    for (Document d : docs) {
      refs.put(ref(d), new RecordId(d.getString("recordId")));
    }
    return refs;
  }

  private static HoldingRef ref(Document d) {
    return new HoldingRef(new BranchId(d.getString("branchId")), d.getString("itemId"));
  }

  private static Curation curation(Document d) {
    String state = d.getString("state");
    if (state == null) {
      return Curation.active();
    }
    String target = d.getString("mergeTarget");
    return new Curation(
        RecordState.valueOf(state),
        target == null ? null : new RecordId(target),
        new LinkedHashSet<>(d.getList("incoming", String.class, List.of())),
        refs(d.getList("movingOut", Document.class, List.of())),
        refs(d.getList("departed", Document.class, List.of())),
        d.getList("mergeHoldings", Document.class, List.of()).stream()
            .map(RecordDocuments::ref)
            .toList());
  }

  static CatalogRecord toRecord(Document d) {
    String isbn = d.getString("isbn13");
    Description description =
        new Description(
            d.getString("title"),
            d.getList("authors", String.class, List.of()),
            isbn == null ? null : new Isbn(isbn),
            d.getInteger("year"),
            d.getString("language"),
            d.getString("publisher"),
            Kind.valueOf(d.getString("kind")),
            d.getString("edition"),
            d.getList("subjects", String.class, List.of()),
            d.getList("udc", String.class, List.of()),
            d.getList("bbk", String.class, List.of()));
    List<Holding> holdings =
        d.getList("holdings", Document.class, List.of()).stream()
            .map(RecordDocuments::toHolding)
            .toList();
    return new CatalogRecord(
        new RecordId(d.getString("_id")),
        ((Number) d.get("version")).longValue(),
        description,
        new MatchKey(d.getString("matchKey")),
        holdings,
        curation(d));
  }

  private static Document toDocument(Holding h) {
    return new Document("branchId", h.branchId().value())
        .append("itemId", h.itemId())
        .append("callNumber", h.callNumber())
        .append("copies", h.copies())
        .append("location", h.location())
        .append("status", h.status().name())
        .append("moves", h.moves());
  }

  private static Holding toHolding(Document d) {
    return new Holding(
        new BranchId(d.getString("branchId")),
        d.getString("itemId"),
        d.getString("callNumber"),
        d.getInteger("copies", 0),
        d.getString("location"),
        HoldingStatus.valueOf(d.getString("status")),
        d.getInteger("moves", 0));
  }
}
