package org.kitepkana.catalog.legal.adapter.out.mongo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.legal.domain.ActKind;
import org.kitepkana.catalog.legal.domain.ActNumber;
import org.kitepkana.catalog.legal.domain.ActStatus;
import org.kitepkana.catalog.legal.domain.ActTitle;
import org.kitepkana.catalog.legal.domain.BodyType;
import org.kitepkana.catalog.legal.domain.IssuingBody;
import org.kitepkana.catalog.legal.domain.LegalAct;
import org.kitepkana.catalog.legal.domain.LegalActDetails;
import org.kitepkana.catalog.legal.domain.LegalActId;
import org.kitepkana.catalog.legal.domain.SearchableLegalAct;
import org.kitepkana.catalog.legal.domain.StatusChange;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * An act as a MongoDB document. Dates of acts are ISO strings ({@code 2024-03-01}: no time zone to
 * get wrong, and they sort as text); instants are BSON dates. Besides the act, the document keeps
 * {@code naturalKey} (unique index) and the folded words search matches ({@code search}).
 */
final class LegalActDocuments {

  static final String NATURAL_KEY = "naturalKey";
  static final String TEXT = "text";
  static final String SEARCH = "search";

  private LegalActDocuments() {}

  static Document toDocument(LegalAct act) {
    LegalActDetails d = act.details();
    SearchableLegalAct searchable = SearchableLegalAct.of(act);
    List<Document> history = new ArrayList<>();
    for (StatusChange c : act.history()) {
      history.add(
          new Document("status", c.status().name())
              .append("effectiveOn", c.effectiveOn().toString())
              .append("byActId", c.byActId() == null ? null : c.byActId().value())
              .append("byActNumber", c.byActNumber())
              .append("note", c.note())
              .append("recordedAt", Date.from(c.recordedAt())));
    }
    return new Document("_id", act.id().value())
        .append(NATURAL_KEY, d.naturalKey())
        .append("number", d.number().value())
        .append("title", new Document("ky", d.title().ky()).append("ru", d.title().ru()))
        .append("kind", d.kind().name())
        .append("adoptedOn", d.adoptedOn().toString())
        .append("effectiveFrom", d.effectiveFrom().toString())
        .append(
            "issuingBody",
            new Document("type", d.issuingBody().type().name())
                .append("name", d.issuingBody().name())
                .append("territory", d.issuingBody().territory()))
        .append("branchId", d.branchId().value())
        .append("subjects", d.subjects())
        .append(TEXT, d.text())
        .append("publicationUrl", d.publicationUrl())
        .append("recordId", d.recordId() == null ? null : d.recordId().value())
        .append("status", act.status().name())
        .append("history", history)
        .append("version", act.version())
        .append("registeredAt", Date.from(act.registeredAt()))
        .append("updatedAt", Date.from(act.updatedAt()))
        .append(
            SEARCH,
            new Document("words", searchable.words())
                .append("bodyWords", searchable.bodyWords())
                .append("hasText", searchable.hasText()));
  }

  static LegalAct toAct(Document doc) {
    Document title = doc.get("title", Document.class);
    Document body = doc.get("issuingBody", Document.class);
    String recordId = doc.getString("recordId");
    LegalActDetails details =
        new LegalActDetails(
            new ActNumber(doc.getString("number")),
            new ActTitle(title.getString("ky"), title.getString("ru")),
            ActKind.valueOf(doc.getString("kind")),
            LocalDate.parse(doc.getString("adoptedOn")),
            LocalDate.parse(doc.getString("effectiveFrom")),
            new IssuingBody(
                BodyType.valueOf(body.getString("type")),
                body.getString("name"),
                body.getString("territory")),
            new BranchId(doc.getString("branchId")),
            doc.getList("subjects", String.class, List.of()),
            doc.getString(TEXT),
            doc.getString("publicationUrl"),
            recordId == null ? null : new RecordId(recordId));
    List<StatusChange> history = new ArrayList<>();
    for (Document c : doc.getList("history", Document.class, List.of())) {
      String byActId = c.getString("byActId");
      history.add(
          new StatusChange(
              ActStatus.valueOf(c.getString("status")),
              LocalDate.parse(c.getString("effectiveOn")),
              byActId == null ? null : new LegalActId(byActId),
              c.getString("byActNumber"),
              c.getString("note"),
              c.getDate("recordedAt").toInstant()));
    }
    return new LegalAct(
        new LegalActId(doc.getString("_id")),
        details,
        history,
        ((Number) doc.get("version")).longValue(),
        doc.getDate("registeredAt").toInstant(),
        doc.getDate("updatedAt").toInstant());
  }

  /** An act read without its text, with the words stored for search (folded again if absent). */
  static SearchableLegalAct toSearchable(Document doc) {
    LegalAct act = toAct(doc);
    Document search = doc.get(SEARCH, Document.class);
    if (search == null) {
      return SearchableLegalAct.of(act);
    }
    return new SearchableLegalAct(
        act,
        search.getString("words"),
        search.getString("bodyWords"),
        Boolean.TRUE.equals(search.getBoolean("hasText")));
  }
}
