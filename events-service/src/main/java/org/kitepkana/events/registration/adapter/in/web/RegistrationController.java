package org.kitepkana.events.registration.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kitepkana.events.event.adapter.in.web.EventAnswers;
import org.kitepkana.events.event.domain.EventId;
import org.kitepkana.events.registration.application.Attendee;
import org.kitepkana.events.registration.application.RegistrationResult;
import org.kitepkana.events.registration.application.Registrations;
import org.kitepkana.events.registration.domain.CancellationToken;
import org.kitepkana.events.registration.domain.Contact;
import org.kitepkana.events.registration.domain.ReaderName;
import org.kitepkana.events.registration.domain.Registration;
import org.kitepkana.events.registration.domain.RegistrationId;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.platform.ids.Ulid;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registrations over HTTP. A reader's answers carry no personal data back (only ids, status and the
 * cancellation token); names and contacts appear only in the attendee list for the branch's staff.
 */
@RestController
@RequestMapping("/api/events")
class RegistrationController {

  /** The header a reader sends the cancellation token in, to look at the registration. */
  static final String TOKEN_HEADER = "Registration-Token";

  record RegisterRequest(
      @NotBlank @Size(max = ReaderName.MAX_LENGTH) String name,
      @Size(max = 40) String phone,
      @Size(max = 320) String email) {}

  record TokenRequest(@Size(max = 100) String token) {}

  record AttendanceRequest(
      @NotNull @Size(max = 100_000) List<String> attendedRegistrationIds,
      @NotNull @Min(0) @Max(100_000) Integer walkIns) {}

  record EraseContactRequest(@NotBlank @Size(max = 320) String contact) {}

  /** What the reader sees: ids, status, place on the waitlist; no personal data. */
  record RegistrationView(
      String registrationId,
      String eventId,
      String status,
      long arrival,
      int position,
      String cancellationToken) {}

  /** One line of the attendee list, for the branch's staff. */
  record AttendeeView(
      String registrationId,
      String name,
      String contact,
      String status,
      long arrival,
      int position,
      boolean attended,
      String registeredAt,
      boolean erased) {}

  private final Registrations registrations;

  RegistrationController(Registrations registrations) {
    this.registrations = registrations;
  }

  @PostMapping("/{eventId}/registrations")
  ResponseEntity<RegistrationView> register(
      Actor actor, @PathVariable String eventId, @Valid @RequestBody RegisterRequest request) {
    EventId id = EventAnswers.eventId(eventId);
    ReaderName name;
    Contact contact;
    List<FieldError> errors = new ArrayList<>();
    boolean hasPhone = request.phone() != null && !request.phone().isBlank();
    boolean hasEmail = request.email() != null && !request.email().isBlank();
    if (hasPhone == hasEmail) {
      throw ApiProblem.badRequest(
          "phone", "give a phone number or an e-mail address (one of them)");
    }
    try {
      name = new ReaderName(request.name());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("name", e.getMessage()));
      name = null;
    }
    try {
      contact = hasPhone ? Contact.phone(request.phone()) : Contact.email(request.email());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(hasPhone ? "phone" : "email", e.getMessage()));
      contact = null;
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.badRequest(errors);
    }
    RegistrationResult result = registrations.register(actor, id, name, contact);
    if (result instanceof RegistrationResult.Registered r) {
      RegistrationView body =
          new RegistrationView(
              r.registration().id().value(),
              eventId,
              r.registration().status().name(),
              r.registration().seq(),
              r.position(),
              r.token().value());
      return ResponseEntity.created(
              URI.create("/api/events/" + eventId + "/registrations/" + body.registrationId()))
          .body(body);
    }
    throw problem(result);
  }

  @GetMapping("/{eventId}/registrations")
  List<AttendeeView> attendees(Actor actor, @PathVariable String eventId) {
    List<Attendee> list =
        registrations
            .attendees(actor, EventAnswers.eventId(eventId))
            .orElseThrow(
                () ->
                    EventAnswers.forbidden(
                        "only the host branch's staff and coordinators see the attendee list"));
    return list.stream()
        .map(
            a -> {
              Registration r = a.registration();
              return new AttendeeView(
                  r.id().value(),
                  r.name() == null ? null : r.name().value(),
                  r.contact() == null ? null : r.contact().value(),
                  r.status().name(),
                  r.seq(),
                  a.position(),
                  a.attended(),
                  Bishkek.format(r.registeredAt()),
                  r.isErased());
            })
        .toList();
  }

  @GetMapping("/{eventId}/registrations/{registrationId}")
  RegistrationView show(
      Actor actor,
      @PathVariable String eventId,
      @PathVariable String registrationId,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
    return view(
        registrations.show(
            actor, EventAnswers.eventId(eventId), registrationId(registrationId), token(token)));
  }

  @PostMapping("/{eventId}/registrations/{registrationId}/cancel")
  RegistrationView cancel(
      Actor actor,
      @PathVariable String eventId,
      @PathVariable String registrationId,
      @Valid @RequestBody(required = false) TokenRequest request) {
    return view(
        registrations.cancel(
            actor,
            EventAnswers.eventId(eventId),
            registrationId(registrationId),
            token(request == null ? null : request.token())));
  }

  @PostMapping("/{eventId}/registrations/{registrationId}/erase")
  RegistrationView erase(
      Actor actor,
      @PathVariable String eventId,
      @PathVariable String registrationId,
      @Valid @RequestBody(required = false) TokenRequest request) {
    return view(
        registrations.erase(
            actor,
            EventAnswers.eventId(eventId),
            registrationId(registrationId),
            token(request == null ? null : request.token())));
  }

  @PostMapping("/{eventId}/attendance")
  ResponseEntity<Object> attendance(
      Actor actor, @PathVariable String eventId, @Valid @RequestBody AttendanceRequest request) {
    List<RegistrationId> ids = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < request.attendedRegistrationIds().size(); i++) {
      String raw = request.attendedRegistrationIds().get(i);
      if (Ulid.isValid(raw)) {
        ids.add(new RegistrationId(raw));
      } else {
        errors.add(
            new FieldError("attendedRegistrationIds[" + i + "]", "must be a registration id"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.badRequest(errors);
    }
    return EventAnswers.answer(
        registrations.recordAttendance(
            actor, EventAnswers.eventId(eventId), ids, request.walkIns()),
        HttpStatus.OK);
  }

  @PostMapping("/personal-data/erasures")
  Map<String, Long> eraseEverywhere(Actor actor, @Valid @RequestBody EraseContactRequest request) {
    return registrations
        .eraseEverywhere(actor, request.contact())
        .map(n -> Map.of("erased", n))
        .orElseThrow(() -> EventAnswers.forbidden("only coordinators erase across the network"));
  }

  private static RegistrationView view(RegistrationResult result) {
    if (result instanceof RegistrationResult.Done done) {
      Registration r = done.registration();
      return new RegistrationView(
          r.id().value(), r.eventId().value(), r.status().name(), r.seq(), done.position(), null);
    }
    throw problem(result);
  }

  private static RuntimeException problem(RegistrationResult result) {
    if (result instanceof RegistrationResult.NotFound) {
      return ApiProblem.notFound("No such registration or library event");
    }
    if (result instanceof RegistrationResult.Forbidden f) {
      return EventAnswers.forbidden(f.reason());
    }
    if (result instanceof RegistrationResult.Invalid invalid) {
      return ApiProblem.badRequest(
          invalid.problems().stream().map(p -> new FieldError(p.field(), p.reason())).toList());
    }
    if (result instanceof RegistrationResult.Closed closed) {
      return new ApiProblem(HttpStatus.CONFLICT, "Registration closed", closed.reason(), List.of());
    }
    return ApiProblem.conflict(((RegistrationResult.Refused) result).reason());
  }

  private static RegistrationId registrationId(String raw) {
    if (!Ulid.isValid(raw)) {
      throw ApiProblem.notFound("No registration " + raw);
    }
    return new RegistrationId(raw);
  }

  private static CancellationToken token(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return new CancellationToken(raw.strip());
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(
          HttpStatus.FORBIDDEN, "Forbidden", "the cancellation token does not match", List.of());
    }
  }
}
