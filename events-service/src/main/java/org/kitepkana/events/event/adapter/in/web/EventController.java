package org.kitepkana.events.event.adapter.in.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kitepkana.events.event.application.EventPlanner;
import org.kitepkana.events.event.application.EventQuery;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.EventStatus;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.event.domain.Room;
import org.kitepkana.events.event.domain.TimeSlot;
import org.kitepkana.events.shared.application.FieldProblem;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;
import org.kitepkana.platform.ids.Ulid;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Library events over HTTP: plan them, follow their lifecycle, list them. */
@RestController
@RequestMapping("/api/events")
class EventController {

  private final EventPlanner planner;

  EventController(EventPlanner planner) {
    this.planner = planner;
  }

  @PostMapping
  ResponseEntity<Object> create(Actor actor, @Valid @RequestBody EventRequest request) {
    EventDetails details = request.toDetails();
    return EventAnswers.answer(
        planner.create(actor, details, request.asDraft()), HttpStatus.CREATED);
  }

  @GetMapping
  List<EventResponse> list(
      Actor actor,
      @RequestParam(required = false) String branchId,
      @RequestParam(required = false) String campaignId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String status) {
    List<FieldProblem> problems = new ArrayList<>();
    if (branchId != null && !BranchId.isValid(branchId)) {
      problems.add(new FieldProblem("branchId", "must be a branch id"));
    }
    if (campaignId != null && !Ulid.isValid(campaignId)) {
      problems.add(new FieldProblem("campaignId", "must be a campaign id (ULID)"));
    }
    Instant since = Times.parse("from", from, problems);
    Instant until = Times.parse("to", to, problems);
    Set<EventStatus> statuses = statuses(status, problems);
    if (!problems.isEmpty()) {
      throw EventRequest.badRequest(problems);
    }
    EventQuery query =
        new EventQuery(
            branchId == null ? null : new BranchId(branchId),
            campaignId == null ? null : new CampaignId(campaignId),
            since,
            until,
            statuses);
    return planner.list(actor, query).stream().map(EventResponse::of).toList();
  }

  @GetMapping("/{eventId}")
  EventResponse one(Actor actor, @PathVariable String eventId) {
    return planner
        .find(actor, EventAnswers.eventId(eventId))
        .map(EventResponse::of)
        .orElseThrow(() -> ApiProblem.notFound("No library event " + eventId));
  }

  @PutMapping("/{eventId}")
  ResponseEntity<Object> reviseDraft(
      Actor actor, @PathVariable String eventId, @Valid @RequestBody EventRequest request) {
    EventId id = EventAnswers.eventId(eventId);
    return EventAnswers.answer(
        planner.reviseDraft(actor, id, request.toDetails(), request.version()), HttpStatus.OK);
  }

  @PostMapping("/{eventId}/schedule")
  ResponseEntity<Object> schedule(Actor actor, @PathVariable String eventId) {
    return EventAnswers.answer(
        planner.schedule(actor, EventAnswers.eventId(eventId)), HttpStatus.OK);
  }

  @PostMapping("/{eventId}/reschedule")
  ResponseEntity<Object> reschedule(
      Actor actor, @PathVariable String eventId, @Valid @RequestBody RescheduleRequest request) {
    EventId id = EventAnswers.eventId(eventId);
    LibraryEvent current =
        planner.find(actor, id).orElseThrow(() -> ApiProblem.notFound("No library event " + id));
    List<FieldProblem> problems = new ArrayList<>();
    Instant start = Times.parse("start", request.start(), problems);
    Instant end = Times.parse("end", request.end(), problems);
    TimeSlot slot = null;
    if (problems.isEmpty()) {
      try {
        slot =
            new TimeSlot(
                start != null ? start : current.details().slot().start(),
                end != null ? end : current.details().slot().end());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("end", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw EventRequest.badRequest(problems);
    }
    Room room;
    try {
      room = request.room() == null ? current.details().room() : new Room(request.room());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("room", e.getMessage());
    }
    int capacity = request.capacity() == null ? current.details().capacity() : request.capacity();
    return EventAnswers.answer(planner.reschedule(actor, id, slot, room, capacity), HttpStatus.OK);
  }

  @PostMapping("/{eventId}/cancel")
  ResponseEntity<Object> cancel(Actor actor, @PathVariable String eventId) {
    return EventAnswers.answer(planner.cancel(actor, EventAnswers.eventId(eventId)), HttpStatus.OK);
  }

  private static Set<EventStatus> statuses(String raw, List<FieldProblem> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Set<EventStatus> statuses = EnumSet.noneOf(EventStatus.class);
    for (String s : raw.split(",")) {
      try {
        statuses.add(EventStatus.valueOf(s.strip().toUpperCase()));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("status", "unknown status " + s.strip()));
      }
    }
    return statuses;
  }
}
