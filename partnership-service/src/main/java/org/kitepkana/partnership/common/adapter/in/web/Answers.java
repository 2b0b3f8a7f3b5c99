package org.kitepkana.partnership.common.adapter.in.web;

import java.util.List;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.platform.security.AccessRefused;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;
import org.springframework.http.HttpStatus;

/** Turns the application's {@link Result}s into answers or problem+json refusals. */
public final class Answers {

  private Answers() {}

  /**
   * The value of a done result; otherwise throws the {@link ApiProblem} for it: 404, 403 (401 for
   * the public), 400 with the fields at fault, or 409 naming the field that asked for the
   * impossible.
   */
  public static <T> T unwrap(Result<T> result) {
    if (result instanceof Result.Done<T> done) {
      return done.value();
    }
    if (result instanceof Result.NotFound<T> notFound) {
      throw ApiProblem.notFound("No " + notFound.what());
    }
    if (result instanceof Result.Forbidden<T> forbidden) {
      throw new AccessRefused(forbidden.reason());
    }
    if (result instanceof Result.Invalid<T> invalid) {
      throw ApiProblem.badRequest(
          invalid.violations().stream().map(v -> new FieldError(v.field(), v.reason())).toList());
    }
    Result.Conflict<T> conflict = (Result.Conflict<T>) result;
    throw new ApiProblem(
        HttpStatus.CONFLICT,
        "Conflict",
        conflict.field() == null ? conflict.reason() : conflict.field() + ": " + conflict.reason(),
        conflict.field() == null
            ? List.of()
            : List.of(new FieldError(conflict.field(), conflict.reason())));
  }
}
