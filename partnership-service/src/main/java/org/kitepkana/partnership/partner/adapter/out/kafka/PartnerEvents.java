package org.kitepkana.partnership.partner.adapter.out.kafka;

import java.util.ArrayList;
import java.util.List;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerChange;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;

/**
 * Maps partner changes to the public, compacted topic {@value #TOPIC}: full public state keyed by
 * partner id. Contacts and agreements are never published, so their changes map to nothing.
 * Schemas: {@code contracts/schemas/kitepkana.partnerships.partner.*.json}.
 */
public final class PartnerEvents {

  public static final String TOPIC = "partnerships.partners.v1";
  public static final String CREATED = "kitepkana.partnerships.partner.created";
  public static final String UPDATED = "kitepkana.partnerships.partner.updated";

  /** The wire shape of a partner, version 1. */
  record PartnerStateV1(
      String partnerId, long version, String name, String type, String district, boolean active) {}

  private final EventEnvelopes envelopes;

  public PartnerEvents(EventEnvelopes envelopes) {
    this.envelopes = envelopes;
  }

  public List<EventEnvelope> toEnvelopes(List<PartnerChange> changes) {
    List<EventEnvelope> out = new ArrayList<>();
    for (PartnerChange change : changes) {
      if (change instanceof PartnerChange.PartnerRegistered) {
        out.add(envelope(CREATED, change.partner()));
      } else if (change instanceof PartnerChange.ProfileRevised) {
        out.add(envelope(UPDATED, change.partner()));
      }
    }
    return out;
  }

  private EventEnvelope envelope(String type, Partner p) {
    return envelopes.create(
        TOPIC,
        p.id().value(),
        type,
        new PartnerStateV1(
            p.id().value(),
            p.version(),
            p.name(),
            p.type().name(),
            p.details().district(),
            p.details().active()));
  }
}
