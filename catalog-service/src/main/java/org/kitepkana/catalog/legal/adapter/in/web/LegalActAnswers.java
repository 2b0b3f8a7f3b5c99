package org.kitepkana.catalog.legal.adapter.in.web;

import java.util.List;
import org.kitepkana.catalog.legal.application.LegalActResult;
import org.kitepkana.catalog.legal.domain.LegalAct;
import org.kitepkana.catalog.legal.domain.LegalActId;
import org.kitepkana.platform.security.AccessRefused;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;
import org.springframework.http.HttpStatus;

/**
 * Turns the databank's results into answers: the act, or problem+json saying why not (a refusal
 * becomes {@link AccessRefused}: 403, or 401 for the public).
 */
final class LegalActAnswers {

  private LegalActAnswers() {}

  static LegalActResponse answer(LegalActResult result, LegalActId id) {
    if (result instanceof LegalActResult.Done done) {
      return LegalActResponse.of(done.act());
    }
    if (result instanceof LegalActResult.Forbidden forbidden) {
      throw new AccessRefused(forbidden.reason());
    }
    if (result instanceof LegalActResult.Invalid invalid) {
      throw ApiProblem.badRequest(invalid.field(), invalid.reason());
    }
    if (result instanceof LegalActResult.Refused refused) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "Conflict",
          refused.field() + ": " + refused.reason(),
          List.of(new FieldError(refused.field(), refused.reason())));
    }
    if (result instanceof LegalActResult.Duplicate duplicate) {
      throw duplicate(duplicate.existing());
    }
    if (result instanceof LegalActResult.VersionConflict conflict) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "Conflict",
          "The legal act is at version " + conflict.currentVersion(),
          List.of(new FieldError("version", "the act is at version " + conflict.currentVersion())));
    }
    throw ApiProblem.notFound("No legal act " + (id == null ? "" : id.value()));
  }

  /** 409 naming the act already registered with the same body, number and year. */
  private static ApiProblem duplicate(LegalAct existing) {
    String detail =
        "Act № "
            + existing.details().number().value()
            + " of "
            + existing.details().issuingBody().name()
            + " adopted in "
            + existing.details().adoptedOn().getYear()
            + " is already registered as "
            + existing.id().value()
            + " (/api/catalog/legal-acts/"
            + existing.id().value()
            + ")";
    return new ApiProblem(
        HttpStatus.CONFLICT,
        "Duplicate legal act",
        detail,
        List.of(new FieldError("number", "already registered as " + existing.id().value())));
  }
}
