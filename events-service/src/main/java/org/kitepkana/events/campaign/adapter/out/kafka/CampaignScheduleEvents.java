package org.kitepkana.events.campaign.adapter.out.kafka;

import java.util.Collection;
import java.util.List;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.campaign.domain.CampaignChange;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.LocalizedText;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;

/**
 * Maps campaign changes to the public topic {@value #TOPIC} (key: campaign id), full state in the
 * shape of {@code docs/topics.md}. Schemas: {@code contracts/schemas/kitepkana.events.campaign.*}.
 */
public final class CampaignScheduleEvents {

  public static final String TOPIC = "events.schedule.v1";
  public static final String PLANNED = "kitepkana.events.campaign.planned";
  public static final String UPDATED = "kitepkana.events.campaign.updated";

  record TextV1(String ky, String ru, String en) {}

  /** The wire shape of a campaign, version 1. */
  record CampaignStateV1(
      String campaignId,
      long version,
      TextV1 title,
      String theme,
      String start,
      String end,
      List<String> invitedBranchIds,
      List<String> confirmedBranchIds,
      List<String> declinedBranchIds) {}

  private final EventEnvelopes envelopes;

  public CampaignScheduleEvents(EventEnvelopes envelopes) {
    this.envelopes = envelopes;
  }

  public EventEnvelope toEnvelope(CampaignChange change) {
    Campaign c = change.campaign();
    LocalizedText t = c.details().title();
    return envelopes.create(
        TOPIC,
        c.id().value(),
        change instanceof CampaignChange.CampaignPlanned ? PLANNED : UPDATED,
        new CampaignStateV1(
            c.id().value(),
            c.version(),
            new TextV1(t.ky(), t.ru(), t.en()),
            c.details().theme(),
            c.details().start().toString(),
            c.details().end().toString(),
            sorted(c.details().invited()),
            sorted(c.confirmed()),
            sorted(c.declined())));
  }

  private static List<String> sorted(Collection<BranchId> ids) {
    return ids.stream().map(BranchId::value).sorted().toList();
  }
}
