package org.kitepkana.catalog.record.adapter.out.kafka;

import java.util.List;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Holding;
import org.kitepkana.catalog.record.domain.MatchKey;
import org.kitepkana.catalog.record.domain.RecordChange;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;

/**
 * Maps record changes to the public topic {@value #TOPIC}, keyed by record id so a record's events
 * stay in order. Schemas: {@code contracts/schemas/kitepkana.catalog.{record,holding}.*}.
 */
public final class RecordEvents {

  public static final String TOPIC = "catalog.records.v1";
  public static final String RECORD_CREATED = "kitepkana.catalog.record.created";
  public static final String RECORD_UPDATED = "kitepkana.catalog.record.updated";
  public static final String HOLDING_ADDED = "kitepkana.catalog.holding.added";
  public static final String HOLDING_CHANGED = "kitepkana.catalog.holding.changed";
  public static final String HOLDING_WITHDRAWN = "kitepkana.catalog.holding.withdrawn";
  public static final String HOLDING_MOVED = "kitepkana.catalog.holding.moved";
  public static final String RECORD_MERGED = "kitepkana.catalog.record.merged";

  /**
   * Wire shape of a record, version 1. {@code edition}, {@code subjects}, {@code udc} and {@code
   * bbk} were added later as optional properties (mostly filled by MARC imports), for the search
   * read model.
   */
  record RecordV1(
      String recordId,
      long version,
      String kind,
      String title,
      List<String> authors,
      String isbn13,
      Integer year,
      String language,
      String publisher,
      String matchKey,
      String edition,
      List<String> subjects,
      List<String> udc,
      List<String> bbk) {}

  /**
   * Wire shape of a holding added or changed, version 1. {@code moves} was added later as an
   * optional property, with curation.
   */
  record HoldingV1(
      String recordId,
      long recordVersion,
      String branchId,
      String itemId,
      String callNumber,
      int copies,
      String location,
      String status,
      int moves) {}

  /** Wire shape of a withdrawal, version 1 ({@code moves} added later, optional). */
  record HoldingWithdrawnV1(
      String recordId, long recordVersion, String branchId, String itemId, int moves) {}

  /**
   * Wire shape of a holding that changed records, published under both: {@code recordId} is the
   * record this copy of the event is about ({@code fromRecordId}: it left; {@code toRecordId}: it
   * arrived).
   */
  record HoldingMovedV1(
      String recordId,
      long recordVersion,
      String fromRecordId,
      String toRecordId,
      String reason,
      String branchId,
      String itemId,
      String callNumber,
      int copies,
      String location,
      String status,
      int moves) {}

  /** Wire shape of a record merged into a survivor: the last event under the merged id. */
  record RecordMergedV1(
      String recordId, long version, String survivorId, List<HoldingRefV1> movedHoldings) {}

  /** A holding's identity on the wire. */
  record HoldingRefV1(String branchId, String itemId) {}

  private final EventEnvelopes envelopes;

  public RecordEvents(EventEnvelopes envelopes) {
    this.envelopes = envelopes;
  }

  /** The envelopes for changes saved as {@code version} of the record. */
  public List<EventEnvelope> toEnvelopes(List<RecordChange> changes, long version) {
    return changes.stream().map(c -> toEnvelope(c, version)).toList();
  }

  private EventEnvelope toEnvelope(RecordChange change, long version) {
    String id = change.recordId().value();
    if (change instanceof RecordChange.RecordCreated c) {
      return envelopes.create(
          TOPIC, id, RECORD_CREATED, record(c.recordId(), version, c.description(), c.matchKey()));
    }
    if (change instanceof RecordChange.RecordUpdated c) {
      return envelopes.create(
          TOPIC, id, RECORD_UPDATED, record(c.recordId(), version, c.description(), c.matchKey()));
    }
    if (change instanceof RecordChange.HoldingAdded c) {
      return envelopes.create(
          TOPIC, id, HOLDING_ADDED, holding(c.recordId(), version, c.holding()));
    }
    if (change instanceof RecordChange.HoldingChanged c) {
      return envelopes.create(
          TOPIC, id, HOLDING_CHANGED, holding(c.recordId(), version, c.holding()));
    }
    if (change instanceof RecordChange.HoldingMoved c) {
      Holding h = c.holding();
      return envelopes.create(
          TOPIC,
          id,
          HOLDING_MOVED,
          new HoldingMovedV1(
              id,
              version,
              c.from().value(),
              c.to().value(),
              c.reason().name(),
              h.branchId().value(),
              h.itemId(),
              h.callNumber(),
              h.copies(),
              h.location(),
              h.status().name(),
              h.moves()));
    }
    if (change instanceof RecordChange.RecordMerged c) {
      return envelopes.create(
          TOPIC,
          id,
          RECORD_MERGED,
          new RecordMergedV1(
              id,
              version,
              c.survivor().value(),
              c.movedHoldings().stream()
                  .map(r -> new HoldingRefV1(r.branchId().value(), r.itemId()))
                  .toList()));
    }
    Holding withdrawn = ((RecordChange.HoldingWithdrawn) change).holding();
    return envelopes.create(
        TOPIC,
        id,
        HOLDING_WITHDRAWN,
        new HoldingWithdrawnV1(
            id, version, withdrawn.branchId().value(), withdrawn.itemId(), withdrawn.moves()));
  }

  private static RecordV1 record(RecordId id, long version, Description d, MatchKey key) {
    return new RecordV1(
        id.value(),
        version,
        d.kind().name(),
        d.title(),
        d.authors(),
        d.isbn() == null ? null : d.isbn().value(),
        d.year(),
        d.language(),
        d.publisher(),
        key.value(),
        d.edition(),
        d.subjects(),
        d.udc(),
        d.bbk());
  }

  private static HoldingV1 holding(RecordId id, long version, Holding h) {
    return new HoldingV1(
        id.value(),
        version,
        h.branchId().value(),
        h.itemId(),
        h.callNumber(),
        h.copies(),
        h.location(),
        h.status().name(),
        h.moves());
  }
}
