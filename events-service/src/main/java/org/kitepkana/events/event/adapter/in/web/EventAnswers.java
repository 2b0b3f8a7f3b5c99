package org.kitepkana.events.event.adapter.in.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kitepkana.events.event.application.EventResult;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.event.domain.LibraryEvent;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.platform.ids.Ulid;
import org.kitepkana.platform.security.AccessRefused;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Turns the planner's results into HTTP answers (problem+json for every refusal). */
public final class EventAnswers {

  private EventAnswers() {}

  public static ResponseEntity<Object> answer(EventResult result, HttpStatus ok) {
    if (result instanceof EventResult.Done done) {
      var builder = ResponseEntity.status(ok);
      if (ok == HttpStatus.CREATED) {
        builder.location(URI.create("/api/events/" + done.event().id().value()));
      }
      return builder.body(EventResponse.of(done.event()));
    }
    if (result instanceof EventResult.RoomTaken taken) {
      return roomTaken(taken);
    }
    throw problem(result);
  }

  public static RuntimeException problem(EventResult result) {
    if (result instanceof EventResult.NotFound) {
      return ApiProblem.notFound("No such library event");
    }
    if (result instanceof EventResult.Forbidden f) {
      return forbidden(f.reason());
    }
    if (result instanceof EventResult.Invalid invalid) {
      return ApiProblem.badRequest(
          invalid.problems().stream().map(p -> new FieldError(p.field(), p.reason())).toList());
    }
    if (result instanceof EventResult.Refused refused) {
      return ApiProblem.conflict(refused.reason());
    }
    if (result instanceof EventResult.VersionConflict c) {
      return ApiProblem.conflict("The library event is at version " + c.currentVersion());
    }
    if (result instanceof EventResult.SeatsTaken s) {
      return new ApiProblem(
          HttpStatus.CONFLICT,
          "Conflict",
          s.confirmed() + " registrations are confirmed; the capacity cannot go below that",
          List.of(new FieldError("capacity", "below the " + s.confirmed() + " confirmed")));
    }
    return ApiProblem.conflict(String.valueOf(result));
  }

  /**
   * Not allowed: 403 for an authenticated actor, 401 for the public (see {@link AccessRefused}).
   */
  public static AccessRefused forbidden(String reason) {
    return new AccessRefused(reason);
  }

  public static EventId eventId(String raw) {
    if (!Ulid.isValid(raw)) {
      throw ApiProblem.notFound("No library event " + raw);
    }
    return new EventId(raw);
  }

  /** 409 naming the library event that holds the room. */
  static ResponseEntity<Object> roomTaken(EventResult.RoomTaken taken) {
    LibraryEvent holder = taken.holder();
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The room is taken at that time by library event " + taken.holderId().value());
    body.setTitle("Room taken");
    body.setType(URI.create("about:blank"));
    Map<String, Object> conflicting = new LinkedHashMap<>();
    conflicting.put("eventId", taken.holderId().value());
    if (holder != null) {
      conflicting.put("title", TextRequest.of(holder.details().title()));
      conflicting.put("room", holder.details().room().name());
      conflicting.put("start", Bishkek.format(holder.details().slot().start()));
      conflicting.put("end", Bishkek.format(holder.details().slot().end()));
      conflicting.put("status", holder.status().name());
    }
    body.setProperty("conflictingEvent", conflicting);
    body.setProperty(
        "errors",
        List.of(
            Map.of(
                "field", "room", "reason", "taken by library event " + taken.holderId().value())));
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
