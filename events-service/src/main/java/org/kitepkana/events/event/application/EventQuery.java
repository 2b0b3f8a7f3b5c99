package org.kitepkana.events.event.application;

import java.time.Instant;
import java.util.Set;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;

/**
 * Which library events to list; every criterion may be null (no restriction).
 *
 * @param from events ending after this instant
 * @param to events starting before this instant
 */
public record EventQuery(
    BranchId branch, CampaignId campaign, Instant from, Instant to, Set<EventStatus> statuses) {

  public static EventQuery all() {
    return new EventQuery(null, null, null, null, null);
  }

  public EventQuery withStatuses(Set<EventStatus> only) {
    return new EventQuery(branch, campaign, from, to, only);
  }
}
