package org.kitepkana.events.registration.application;

import java.util.List;
import org.kitepkana.events.registration.domain.CancellationToken;
import org.kitepkana.events.registration.domain.Registration;
import org.kitepkana.events.shared.application.FieldProblem;

/** The outcome of a request about registrations. */
public sealed interface RegistrationResult {

  /** A new registration; the token is shown to the reader once. */
  record Registered(Registration registration, int position, CancellationToken token)
      implements RegistrationResult {}

  /** The registration as it now stands ({@code position} 0 unless waitlisted). */
  record Done(Registration registration, int position) implements RegistrationResult {}

  record NotFound() implements RegistrationResult {}

  record Forbidden(String reason) implements RegistrationResult {}

  record Invalid(List<FieldProblem> problems) implements RegistrationResult {}

  /** Registration is not possible now (closed, not needed, not yet open). */
  record Closed(String reason) implements RegistrationResult {}

  /** Not possible in the registration's current state. */
  record Refused(String reason) implements RegistrationResult {}
}
