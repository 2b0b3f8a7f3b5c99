package org.kitepkana.catalog.legal.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kitepkana.catalog.legal.application.LegalActPage;
import org.kitepkana.catalog.legal.domain.LegalAct;
import org.kitepkana.catalog.legal.domain.LegalActDetails;
import org.kitepkana.catalog.legal.domain.SearchableLegalAct;
import org.kitepkana.catalog.legal.domain.StatusChange;

/**
 * An act as the API shows it. In search results {@code text} is left out (null) and {@code hasText}
 * says whether the act has one; {@code statusOn} is the status on the date asked about.
 */
record LegalActResponse(
    String id,
    String number,
    Title title,
    String kind,
    LocalDate adoptedOn,
    LocalDate effectiveFrom,
    Body issuingBody,
    String branchId,
    List<String> subjects,
    boolean hasText,
    String text,
    String publicationUrl,
    String recordId,
    String status,
    StatusOn statusOn,
    List<Change> statusHistory,
    long version,
    Instant registeredAt,
    Instant updatedAt) {

  record Title(String ky, String ru) {}

  record Body(String type, String name, String territory) {}

  record Change(
      String status,
      LocalDate effectiveOn,
      String byActId,
      String byActNumber,
      String note,
      Instant recordedAt) {}

  /** The act's status on {@code date}; {@code status} is null before the act took effect. */
  record StatusOn(LocalDate date, String status) {}

  /** A page of search results. */
  record Page(int total, int page, int size, List<LegalActResponse> items) {

    static Page of(LegalActPage page, LocalDate on) {
      return new Page(
          page.total(),
          page.page(),
          page.size(),
          page.items().stream().map(s -> LegalActResponse.of(s, on)).toList());
    }
  }

  static LegalActResponse of(LegalAct act) {
    return of(act, act.details().text() != null, null);
  }

  static LegalActResponse of(SearchableLegalAct found, LocalDate on) {
    return of(found.act(), found.hasText(), on);
  }

  private static LegalActResponse of(LegalAct act, boolean hasText, LocalDate on) {
    LegalActDetails d = act.details();
    return new LegalActResponse(
        act.id().value(),
        d.number().value(),
        new Title(d.title().ky(), d.title().ru()),
        d.kind().name(),
        d.adoptedOn(),
        d.effectiveFrom(),
        new Body(
            d.issuingBody().type().name(), d.issuingBody().name(), d.issuingBody().territory()),
        d.branchId().value(),
        d.subjects(),
        hasText,
        d.text(),
        d.publicationUrl(),
        d.recordId() == null ? null : d.recordId().value(),
        act.status().name(),
        on == null ? null : new StatusOn(on, act.statusOn(on).map(Enum::name).orElse(null)),
        act.history().stream().map(LegalActResponse::change).toList(),
        act.version(),
        act.registeredAt(),
        act.updatedAt());
  }

  private static Change change(StatusChange c) {
    return new Change(
        c.status().name(),
        c.effectiveOn(),
        c.byActId() == null ? null : c.byActId().value(),
        c.byActNumber(),
        c.note(),
        c.recordedAt());
  }
}
