package org.kitepkana.events.campaign.application;

import java.util.List;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.shared.domain.CampaignId;

/** The library events scheduled under a campaign (drafts excluded). */
@FunctionalInterface
public interface CampaignEvents {

  List<LibraryEvent> under(CampaignId campaign);
}
