package org.kitepkana.catalog.legal.application;

import java.time.LocalDate;
import java.util.Objects;
import org.kitepkana.catalog.legal.domain.ActStatus;
import org.kitepkana.catalog.legal.domain.LegalActId;

/**
 * A librarian's record that a later act amended or repealed an act.
 *
 * @param expectedVersion the version the librarian saw; the change applies only to it
 */
public record StatusChangeCommand(
    ActStatus status,
    LocalDate effectiveOn,
    LegalActId byActId,
    String byActNumber,
    String note,
    long expectedVersion) {

  public StatusChangeCommand {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(effectiveOn, "effectiveOn");
  }
}
