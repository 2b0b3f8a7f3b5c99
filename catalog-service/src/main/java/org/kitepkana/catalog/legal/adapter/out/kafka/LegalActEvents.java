package org.kitepkana.catalog.legal.adapter.out.kafka;

import java.time.Instant;
import java.util.List;
import org.kitepkana.catalog.legal.domain.LegalAct;
import org.kitepkana.catalog.legal.domain.LegalActChange;
import org.kitepkana.catalog.legal.domain.LegalActDetails;
import org.kitepkana.catalog.legal.domain.StatusChange;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;

/**
 * Maps databank changes to the public, compacted topic {@value #TOPIC}: the full state of the act,
 * status history included, keyed by act id, so a local-government portal that reads the topic from
 * the start has every act as it stands. Schemas: {@code
 * contracts/schemas/kitepkana.catalog.legal-act.*.json}.
 */
public final class LegalActEvents {

  public static final String TOPIC = "catalog.legal-acts.v1";
  public static final String REGISTERED = "kitepkana.catalog.legal-act.registered";
  public static final String STATUS_CHANGED = "kitepkana.catalog.legal-act.status-changed";
  public static final String CORRECTED = "kitepkana.catalog.legal-act.corrected";

  /** A title in Kyrgyz and/or Russian. */
  record TitleV1(String ky, String ru) {}

  /** The body that adopted the act. */
  record IssuingBodyV1(String type, String name, String territory) {}

  /** One entry of the status history. */
  record StatusChangeV1(
      String status,
      String effectiveOn,
      String byActId,
      String byActNumber,
      String note,
      Instant recordedAt) {}

  /** The wire shape of an act after registration or a status change, version 1. */
  record LegalActStateV1(
      String legalActId,
      long version,
      String number,
      TitleV1 title,
      String kind,
      String adoptedOn,
      String effectiveFrom,
      IssuingBodyV1 issuingBody,
      String branchId,
      List<String> subjects,
      String text,
      String publicationUrl,
      String recordId,
      String status,
      List<StatusChangeV1> statusHistory,
      Instant registeredAt,
      Instant updatedAt) {}

  /** The wire shape of an act after a correction: the state plus what was corrected and why. */
  record LegalActCorrectedV1(
      String legalActId,
      long version,
      String number,
      TitleV1 title,
      String kind,
      String adoptedOn,
      String effectiveFrom,
      IssuingBodyV1 issuingBody,
      String branchId,
      List<String> subjects,
      String text,
      String publicationUrl,
      String recordId,
      String status,
      List<StatusChangeV1> statusHistory,
      Instant registeredAt,
      Instant updatedAt,
      List<String> correctedFields,
      String reason) {}

  private final EventEnvelopes envelopes;

  public LegalActEvents(EventEnvelopes envelopes) {
    this.envelopes = envelopes;
  }

  public EventEnvelope toEnvelope(LegalActChange change) {
    LegalActStateV1 state = state(change.act());
    String id = change.act().id().value();
    if (change instanceof LegalActChange.LegalActCorrected corrected) {
      return envelopes.create(
          TOPIC,
          id,
          CORRECTED,
          new LegalActCorrectedV1(
              state.legalActId(),
              state.version(),
              state.number(),
              state.title(),
              state.kind(),
              state.adoptedOn(),
              state.effectiveFrom(),
              state.issuingBody(),
              state.branchId(),
              state.subjects(),
              state.text(),
              state.publicationUrl(),
              state.recordId(),
              state.status(),
              state.statusHistory(),
              state.registeredAt(),
              state.updatedAt(),
              corrected.fields(),
              corrected.reason()));
    }
    String type = change instanceof LegalActChange.LegalActRegistered ? REGISTERED : STATUS_CHANGED;
    return envelopes.create(TOPIC, id, type, state);
  }

  private static LegalActStateV1 state(LegalAct act) {
    LegalActDetails d = act.details();
    return new LegalActStateV1(
        act.id().value(),
        act.version(),
        d.number().value(),
        new TitleV1(d.title().ky(), d.title().ru()),
        d.kind().name(),
        d.adoptedOn().toString(),
        d.effectiveFrom().toString(),
        new IssuingBodyV1(
            d.issuingBody().type().name(), d.issuingBody().name(), d.issuingBody().territory()),
        d.branchId().value(),
        d.subjects(),
        d.text(),
        d.publicationUrl(),
        d.recordId() == null ? null : d.recordId().value(),
        act.status().name(),
        act.history().stream().map(LegalActEvents::change).toList(),
        act.registeredAt(),
        act.updatedAt());
  }

  private static StatusChangeV1 change(StatusChange c) {
    return new StatusChangeV1(
        c.status().name(),
        c.effectiveOn().toString(),
        c.byActId() == null ? null : c.byActId().value(),
        c.byActNumber(),
        c.note(),
        c.recordedAt());
  }
}
