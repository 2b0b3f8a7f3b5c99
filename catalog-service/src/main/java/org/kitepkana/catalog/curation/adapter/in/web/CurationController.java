package org.kitepkana.catalog.curation.adapter.in.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.curation.application.CoordinatorsOnly;
import org.kitepkana.catalog.curation.application.CurationOutcome;
import org.kitepkana.catalog.curation.application.HoldingMoves;
import org.kitepkana.catalog.curation.application.RecordEdits;
import org.kitepkana.catalog.curation.application.RecordMerges;
import org.kitepkana.catalog.record.adapter.in.web.RecordResponse;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Curation of the union catalogue by the regional coordinator: edit a shared record, move a
 * holding, merge two records. Everything else is refused: 403, or 401 without credentials.
 */
@RestController
class CurationController {

  private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

  private final RecordEdits edits;
  private final RecordMerges merges;
  private final HoldingMoves moves;

  CurationController(RecordEdits edits, RecordMerges merges, HoldingMoves moves) {
    this.edits = edits;
    this.merges = merges;
    this.moves = moves;
  }

  /** Merge result: the survivor, the tombstone and the holdings moved. */
  record MergeResponse(
      String survivorId, String mergedRecordId, List<Map<String, String>> movedHoldings) {}

  /** Move result. */
  record MoveResponse(String branchId, String itemId, String fromRecordId, String toRecordId) {}

  @PutMapping("/api/catalog/records/{recordId}")
  ResponseEntity<RecordResponse> edit(
      @PathVariable String recordId,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody(required = false) CurationRequests.EditRecord body,
      Actor actor) {
    authorize(actor);
    RecordId id = recordId(recordId);
    Long fromHeader = ifMatch == null ? null : version(ifMatch);
    Long version = fromHeader != null ? fromHeader : body == null ? null : body.version();
    var checked = EditRecordValidator.check(body);
    if (version == null) {
      List<FieldError> errors = new java.util.ArrayList<>(checked.errors());
      errors.add(0, new FieldError("version", "required: the version read, or an If-Match header"));
      throw ApiProblem.badRequest(errors);
    }
    if (!checked.errors().isEmpty()) {
      throw ApiProblem.badRequest(checked.errors());
    }
    CurationOutcome outcome = edits.edit(actor, id, version, checked.description());
    if (outcome instanceof CurationOutcome.Edited edited) {
      return ResponseEntity.ok()
          .eTag(RecordResponse.etag(edited.record()))
          .body(RecordResponse.of(edited.record()));
    }
    if (outcome instanceof CurationOutcome.StaleVersion stale) {
      throw new ApiProblem(
          fromHeader != null ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
          "Stale version",
          "record "
              + recordId
              + " is at version "
              + stale.currentVersion()
              + ", not "
              + version
              + "; read it again and repeat the edit",
          List.of(new FieldError("version", "is " + stale.currentVersion() + " now")));
    }
    throw refusal(actor, outcome);
  }

  @PostMapping("/api/catalog/records/{survivorId}/merges")
  MergeResponse merge(
      @PathVariable String survivorId,
      @RequestBody(required = false) CurationRequests.Merge body,
      Actor actor) {
    authorize(actor);
    RecordId survivor = recordId(survivorId);
    if (body == null || body.mergedRecordId() == null || body.mergedRecordId().isBlank()) {
      throw ApiProblem.badRequest("mergedRecordId", "must not be blank");
    }
    if (!RecordId.isValid(body.mergedRecordId())) {
      throw ApiProblem.badRequest("mergedRecordId", "must be a 26-character ULID");
    }
    CurationOutcome outcome = merges.merge(actor, survivor, new RecordId(body.mergedRecordId()));
    if (outcome instanceof CurationOutcome.Merged merged) {
      return new MergeResponse(
          merged.survivor().value(),
          merged.merged().value(),
          merged.movedHoldings().stream()
              .map(r -> Map.of("branchId", r.branchId().value(), "itemId", r.itemId()))
              .toList());
    }
    throw refusal(actor, outcome);
  }

  @PostMapping("/api/catalog/holding-moves")
  MoveResponse move(@RequestBody(required = false) CurationRequests.Move body, Actor actor) {
    authorize(actor);
    List<FieldError> errors = new java.util.ArrayList<>();
    if (body == null || body.branchId() == null || !BranchId.isValid(body.branchId())) {
      errors.add(new FieldError("branchId", "must be a branch id"));
    }
    if (body == null || body.itemId() == null || body.itemId().isBlank()) {
      errors.add(new FieldError("itemId", "must not be blank"));
    }
    if (body == null || !RecordId.isValid(body.toRecordId())) {
      errors.add(new FieldError("toRecordId", "must be a 26-character ULID"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.badRequest(errors);
    }
    HoldingRef ref = new HoldingRef(new BranchId(body.branchId()), body.itemId().strip());
    CurationOutcome outcome = moves.move(actor, ref, new RecordId(body.toRecordId()));
    if (outcome instanceof CurationOutcome.Moved moved) {
      return new MoveResponse(
          ref.branchId().value(), ref.itemId(), moved.from().value(), moved.to().value());
    }
    throw refusal(actor, outcome);
  }

  private static void authorize(Actor actor) {
    Optional<CurationOutcome.Forbidden> refused = CoordinatorsOnly.refusal(actor);
    if (refused.isPresent()) {
      throw refusal(actor, refused.get());
    }
  }

  private static ApiProblem refusal(Actor actor, CurationOutcome outcome) {
    if (outcome instanceof CurationOutcome.Forbidden f) {
      boolean anonymous = actor == null || actor.is(Actor.Role.ANONYMOUS);
      return new ApiProblem(
          anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
          anonymous ? "Unauthorized" : "Forbidden",
          f.reason(),
          List.of());
    }
    if (outcome instanceof CurationOutcome.NotFound n) {
      return ApiProblem.notFound(n.detail());
    }
    if (outcome instanceof CurationOutcome.Conflict c) {
      return new ApiProblem(
          HttpStatus.CONFLICT,
          "Conflict",
          c.detail(),
          c.related() == null
              ? List.of()
              : List.of(new FieldError("relatedRecordId", c.related().value())));
    }
    if (outcome instanceof CurationOutcome.Busy b) {
      return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", b.detail(), List.of());
    }
    return new ApiProblem(
        HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected outcome", String.valueOf(outcome), List.of());
  }

  private static RecordId recordId(String raw) {
    if (!RecordId.isValid(raw)) {
      throw ApiProblem.notFound("No record " + raw);
    }
    return new RecordId(raw);
  }

  private static Long version(String ifMatch) {
    Matcher m = ETAG.matcher(ifMatch.strip());
    if (!m.matches()) {
      throw ApiProblem.badRequest("If-Match", "must be the ETag of the record, e.g. \"3\"");
    }
    return Long.parseLong(m.group(1));
  }
}
