package org.kitepkana.catalog.legal.adapter.in.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.kitepkana.catalog.legal.application.StatusChangeCommand;
import org.kitepkana.catalog.legal.domain.ActStatus;
import org.kitepkana.catalog.legal.domain.LegalActId;

/** "Act X amended (or repealed) this act from date D", with the version the librarian saw. */
record StatusChangeRequest(
    @NotNull ActStatus status,
    @NotNull @Pattern(regexp = LegalActRequest.DATE, message = LegalActRequest.DATE_MESSAGE)
        String effectiveOn,
    @Pattern(regexp = "^[0-9A-HJKMNP-TV-Z]{26}$", message = "must be a legal act id (ULID)")
        String byActId,
    @Size(max = 40) String byActNumber,
    @Size(max = 1000) String note,
    @NotNull Long version) {

  StatusChangeCommand command() {
    return new StatusChangeCommand(
        status,
        LegalActRequest.date("effectiveOn", effectiveOn),
        byActId == null ? null : new LegalActId(byActId),
        byActNumber,
        note,
        version);
  }
}
