package org.kitepkana.events.campaign.adapter.in.web;

import java.util.Collection;
import java.util.List;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.event.adapter.in.web.TextRequest;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.events.shared.domain.BranchId;

/** A campaign as the API shows it; {@code pendingBranchIds} have not answered yet. */
record CampaignResponse(
    String campaignId,
    long version,
    TextRequest title,
    String theme,
    String start,
    String end,
    List<String> invitedBranchIds,
    List<String> confirmedBranchIds,
    List<String> declinedBranchIds,
    List<String> pendingBranchIds,
    String updatedAt) {

  static CampaignResponse of(Campaign c) {
    return new CampaignResponse(
        c.id().value(),
        c.version(),
        TextRequest.of(c.details().title()),
        c.details().theme(),
        c.details().start().toString(),
        c.details().end().toString(),
        sorted(c.details().invited()),
        sorted(c.confirmed()),
        sorted(c.declined()),
        c.details().invited().stream()
            .filter(b -> c.answerOf(b) == null)
            .map(BranchId::value)
            .sorted()
            .toList(),
        Bishkek.format(c.updatedAt()));
  }

  private static List<String> sorted(Collection<BranchId> ids) {
    return ids.stream().map(BranchId::value).sorted().toList();
  }
}
