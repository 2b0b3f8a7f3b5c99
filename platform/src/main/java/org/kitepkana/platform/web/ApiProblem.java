package org.kitepkana.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the web adapter turns into {@code application/problem+json}. Thrown only at the edge
 * (controllers map the domain's rejection values to it); the domain itself returns values.
 */
public final class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<FieldError> errors;

  public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
  }

  public static ApiProblem badRequest(String field, String reason) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        field + ": " + reason,
        List.of(new FieldError(field, reason)));
  }

  public static ApiProblem badRequest(List<FieldError> errors) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).reason()
            : errors.size() + " fields are invalid",
        errors);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
