package org.kitepkana.events.event.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kitepkana.events.event.domain.Audience;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.EventType;
import org.kitepkana.events.event.domain.RegistrationWindow;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.event.domain.TimeSlot;
import org.kitepkana.events.shared.application.FieldProblem;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;
import org.kitepkana.events.shared.domain.PartnerId;
import org.kitepkana.events.shared.domain.ProjectId;
import org.kitepkana.platform.ids.Ulid;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;

/**
 * A library event as a branch sends it. Times with an offset, or local times in Asia/Bishkek.
 * {@code draft: true} creates a draft (no room held); {@code version} guards a draft's revision.
 */
public record EventRequest(
    @NotNull @Valid TextRequest title,
    @Valid TextRequest description,
    @NotNull EventType type,
    @NotNull Audience audience,
    @NotBlank String branchId,
    @NotBlank @Size(max = 100) String room,
    @NotBlank String start,
    @NotBlank String end,
    @NotNull @Min(1) @Max(EventDetails.MAX_CAPACITY) Integer capacity,
    Boolean registrationRequired,
    String registrationOpens,
    String registrationCloses,
    @Size(max = 200) String organiser,
    @Size(max = EventDetails.MAX_PARTNERS) List<String> partnerIds,
    String projectId,
    String campaignId,
    Boolean draft,
    Long version) {

  boolean asDraft() {
    return Boolean.TRUE.equals(draft);
  }

  /** The domain details, or a 400 naming every field at fault. */
  EventDetails toDetails() {
    List<FieldProblem> problems = new ArrayList<>();
    if (title.isEmpty()) {
      problems.add(new FieldProblem("title", "give at least one of ky, ru, en"));
    }
    if (!BranchId.isValid(branchId)) {
      problems.add(
          new FieldProblem("branchId", "must be 2-40 lower-case letters, digits or dashes"));
    }
    Instant from = Times.required("start", start, problems);
    Instant to = Times.required("end", end, problems);
    TimeSlot slot = null;
    if (from != null && to != null) {
      try {
        slot = new TimeSlot(from, to);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("end", e.getMessage()));
      }
    }
    Instant opens = Times.parse("registrationOpens", registrationOpens, problems);
    Instant closes = Times.parse("registrationCloses", registrationCloses, problems);
    RegistrationWindow window = null;
    try {
      window = new RegistrationWindow(opens, closes);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("registrationCloses", e.getMessage()));
    }
    List<PartnerId> partners = new ArrayList<>();
    List<String> given = partnerIds == null ? List.of() : partnerIds;
    for (int i = 0; i < given.size(); i++) {
      if (Ulid.isValid(given.get(i))) {
        partners.add(new PartnerId(given.get(i)));
      } else {
        problems.add(new FieldProblem("partnerIds[" + i + "]", "must be a partner id (ULID)"));
      }
    }
    if (projectId != null && !Ulid.isValid(projectId)) {
      problems.add(new FieldProblem("projectId", "must be a project id (ULID)"));
    }
    if (campaignId != null && !Ulid.isValid(campaignId)) {
      problems.add(new FieldProblem("campaignId", "must be a campaign id (ULID)"));
    }
    if (!problems.isEmpty()) {
      throw badRequest(problems);
    }
    return new EventDetails(
        title.toText(),
        description == null ? null : description.toText(),
        type,
        audience,
        new BranchId(branchId),
        new Room(room),
        slot,
        capacity,
        registrationRequired == null || registrationRequired,
        window,
        organiser,
        partners,
        projectId == null ? null : new ProjectId(projectId),
        campaignId == null ? null : new CampaignId(campaignId));
  }

  static ApiProblem badRequest(List<FieldProblem> problems) {
    return ApiProblem.badRequest(
        problems.stream().map(p -> new FieldError(p.field(), p.reason())).toList());
  }
}
