package org.kitepkana.catalog.legal.adapter.in.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.legal.application.LegalActResult;
import org.kitepkana.catalog.legal.application.LegalActs;
import org.kitepkana.catalog.legal.domain.ActKind;
import org.kitepkana.catalog.legal.domain.ActStatus;
import org.kitepkana.catalog.legal.domain.BodyType;
import org.kitepkana.catalog.legal.domain.LegalActId;
import org.kitepkana.catalog.legal.domain.LegalActQuery;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The legal-acts databank over HTTP. Reads and searches are public; writes take an actor. */
@RestController
@RequestMapping("/api/catalog/legal-acts")
class LegalActController {

  private static final int MAX_SIZE = 100;
  private static final int MAX_PAGE = 1000;

  private final LegalActs acts;

  LegalActController(LegalActs acts) {
    this.acts = acts;
  }

  @PostMapping
  ResponseEntity<LegalActResponse> register(
      Actor actor, @Valid @RequestBody LegalActRequest request) {
    LegalActResponse body = LegalActAnswers.answer(acts.register(actor, request.details()), null);
    return ResponseEntity.created(URI.create("/api/catalog/legal-acts/" + body.id())).body(body);
  }

  @PostMapping("/{actId}/status-changes")
  LegalActResponse changeStatus(
      Actor actor, @PathVariable String actId, @Valid @RequestBody StatusChangeRequest request) {
    LegalActId id = actId(actId);
    return LegalActAnswers.answer(acts.changeStatus(actor, id, request.command()), id);
  }

  @PutMapping("/{actId}")
  LegalActResponse correct(
      Actor actor, @PathVariable String actId, @Valid @RequestBody LegalActRequest request) {
    LegalActId id = actId(actId);
    if (request.version() == null) {
      throw ApiProblem.badRequest("version", "must not be null: the version you corrected");
    }
    LegalActResult result =
        acts.correct(actor, id, request.details(), request.version(), request.reason());
    return LegalActAnswers.answer(result, id);
  }

  @PostMapping("/{actId}/status-history/retract-latest")
  LegalActResponse retract(
      Actor actor, @PathVariable String actId, @Valid @RequestBody RetractionRequest request) {
    LegalActId id = actId(actId);
    LegalActResult result =
        acts.retractLatestStatusChange(actor, id, request.version(), request.reason());
    return LegalActAnswers.answer(result, id);
  }

  @GetMapping("/{actId}")
  LegalActResponse one(@PathVariable String actId) {
    return acts.find(actId(actId))
        .map(LegalActResponse::of)
        .orElseThrow(() -> ApiProblem.notFound("No legal act " + actId));
  }

  /** Searches the databank; see {@link LegalActQuery} for what each parameter means. */
  @GetMapping
  LegalActResponse.Page search(
      @RequestParam(required = false) String bodyType,
      @RequestParam(required = false) String body,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String statusOn,
      @RequestParam(required = false) String adoptedFrom,
      @RequestParam(required = false) String adoptedTo,
      @RequestParam(required = false) String effectiveOn,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || page > MAX_PAGE) {
      throw ApiProblem.badRequest("page", "must be between 0 and " + MAX_PAGE);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiProblem.badRequest("size", "must be between 1 and " + MAX_SIZE);
    }
    LocalDate on = date("statusOn", statusOn);
    LocalDate from = date("adoptedFrom", adoptedFrom);
    LocalDate to = date("adoptedTo", adoptedTo);
    if (on != null && status == null) {
      throw ApiProblem.badRequest("statusOn", "give the status to ask about (status=IN_FORCE...)");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiProblem.badRequest("adoptedTo", "must not be before adoptedFrom");
    }
    if (branch != null && !BranchId.isValid(branch)) {
      throw ApiProblem.badRequest("branch", "must be a branch id");
    }
    LocalDate effective = date("effectiveOn", effectiveOn);
    LegalActQuery query =
        new LegalActQuery(
            constant("bodyType", bodyType, BodyType.class),
            body,
            constant("status", status, ActStatus.class),
            on,
            from,
            to,
            effective,
            q,
            branch == null ? null : new BranchId(branch),
            constant("kind", kind, ActKind.class));
    return LegalActResponse.Page.of(acts.search(query, page, size), on != null ? on : effective);
  }

  private static LegalActId actId(String raw) {
    if (!LegalActId.isValid(raw)) {
      throw ApiProblem.notFound("No legal act " + raw);
    }
    return new LegalActId(raw);
  }

  private static LocalDate date(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(name, "must be a date like 2024-03-01");
    }
  }

  private static <E extends Enum<E>> E constant(String name, String raw, Class<E> type) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(
          name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
