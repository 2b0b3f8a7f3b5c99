package org.kitepkana.events.event.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;
import org.kitepkana.events.shared.domain.LocalizedText;
import org.kitepkana.events.shared.domain.PartnerId;
import org.kitepkana.events.shared.domain.ProjectId;

/**
 * What a branch states about a library event: everything but its id, status and counts.
 *
 * @param description may be null
 * @param organiser who runs it (a person's role or an organisation, free text); may be null
 * @param projectId may be null
 * @param campaignId may be null
 */
public record EventDetails(
    LocalizedText title,
    LocalizedText description,
    EventType type,
    Audience audience,
    BranchId branchId,
    Room room,
    TimeSlot slot,
    int capacity,
    boolean registrationRequired,
    RegistrationWindow window,
    String organiser,
    List<PartnerId> partnerIds,
    ProjectId projectId,
    CampaignId campaignId) {

  public static final int MAX_CAPACITY = 100_000;
  public static final int MAX_PARTNERS = 20;

  public EventDetails {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(slot, "slot");
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be between 1 and " + MAX_CAPACITY);
    }
    window = window == null ? RegistrationWindow.ALWAYS : window;
    organiser = organiser == null || organiser.isBlank() ? null : organiser.strip();
    if (organiser != null && organiser.length() > 200) {
      throw new IllegalArgumentException("organiser: at most 200 characters");
    }
    partnerIds = partnerIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(partnerIds));
    if (partnerIds.size() > MAX_PARTNERS) {
      throw new IllegalArgumentException("at most " + MAX_PARTNERS + " partners");
    }
  }

  public EventDetails withPlace(TimeSlot newSlot, Room newRoom, int newCapacity) {
    return new EventDetails(
        title,
        description,
        type,
        audience,
        branchId,
        newRoom,
        newSlot,
        newCapacity,
        registrationRequired,
        window,
        organiser,
        partnerIds,
        projectId,
        campaignId);
  }
}
