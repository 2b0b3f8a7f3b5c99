package org.kitepkana.events.campaign.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.LocalizedText;

/**
 * What the regional library states about a campaign: title, theme, dates (inclusive, in Bishkek)
 * and the branches it invites.
 */
public record CampaignDetails(
    LocalizedText title, String theme, LocalDate start, LocalDate end, Set<BranchId> invited) {

  public static final int MAX_DAYS = 366;

  public CampaignDetails {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (theme == null || theme.isBlank()) {
      throw new IllegalArgumentException("theme must not be blank");
    }
    theme = theme.strip();
    if (theme.length() > 500) {
      throw new IllegalArgumentException("theme: at most 500 characters");
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end must not be before start");
    }
    if (start.plusDays(MAX_DAYS).isBefore(end)) {
      throw new IllegalArgumentException("a campaign lasts at most a year");
    }
    if (invited == null || invited.isEmpty()) {
      throw new IllegalArgumentException("invite at least one branch");
    }
    invited = Set.copyOf(invited);
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }
}
