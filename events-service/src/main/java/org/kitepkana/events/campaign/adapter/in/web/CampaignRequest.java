package org.kitepkana.events.campaign.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kitepkana.events.campaign.domain.CampaignDetails;
import org.kitepkana.events.event.adapter.in.web.TextRequest;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;

/** A campaign as a coordinator sends it: dates are days in Asia/Bishkek, end inclusive. */
record CampaignRequest(
    @NotNull @Valid TextRequest title,
    @NotBlank @Size(max = 500) String theme,
    @NotBlank String start,
    @NotBlank String end,
    @NotEmpty @Size(max = 200) List<String> invitedBranchIds,
    Long version) {

  CampaignDetails toDetails() {
    List<FieldError> errors = new ArrayList<>();
    if (title.toText() == null) {
      errors.add(new FieldError("title", "give at least one of ky, ru, en"));
    }
    LocalDate from = date("start", start, errors);
    LocalDate to = date("end", end, errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(new FieldError("end", "must not be before start"));
    } else if (from != null && to != null && from.plusDays(CampaignDetails.MAX_DAYS).isBefore(to)) {
      errors.add(new FieldError("end", "a campaign lasts at most a year"));
    }
    Set<BranchId> invited = new HashSet<>();
    for (int i = 0; i < invitedBranchIds.size(); i++) {
      String id = invitedBranchIds.get(i);
      if (BranchId.isValid(id)) {
        invited.add(new BranchId(id));
      } else {
        errors.add(new FieldError("invitedBranchIds[" + i + "]", "must be a branch id"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.badRequest(errors);
    }
    return new CampaignDetails(title.toText(), theme, from, to, invited);
  }

  private static LocalDate date(String field, String text, List<FieldError> errors) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date, e.g. 2026-12-07"));
      return null;
    }
  }
}
