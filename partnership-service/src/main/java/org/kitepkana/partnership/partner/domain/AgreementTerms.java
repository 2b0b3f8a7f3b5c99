package org.kitepkana.partnership.partner.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;
import org.kitepkana.partnership.library.domain.LibraryId;

/**
 * What an agreement (memorandum of cooperation) says: its number, when it was signed, the period it
 * is valid for, its scope and the libraries of the network that signed it.
 *
 * @param validUntil null for an open-ended agreement
 * @param libraryIds the signing libraries, at least one, each once
 */
public record AgreementTerms(
    String number,
    LocalDate signedOn,
    LocalDate validFrom,
    LocalDate validUntil,
    String scope,
    List<LibraryId> libraryIds) {

  public AgreementTerms {
    number = Text.required("number", number, 50);
    if (signedOn == null) {
      throw new InvalidValue("signedOn", "must not be null");
    }
    validFrom = validFrom == null ? signedOn : validFrom;
    if (validUntil != null && validUntil.isBefore(validFrom)) {
      throw new InvalidValue("validUntil", "must not be before validFrom (" + validFrom + ")");
    }
    scope = Text.required("scope", scope, 2000);
    Objects.requireNonNull(libraryIds, "libraryIds");
    if (libraryIds.isEmpty()) {
      throw new InvalidValue("libraryIds", "at least one library signs an agreement");
    }
    if (new LinkedHashSet<>(libraryIds).size() != libraryIds.size()) {
      throw new InvalidValue("libraryIds", "must not repeat a library");
    }
    libraryIds = List.copyOf(libraryIds);
  }

  /** Whether the agreement is in force on {@code day}. */
  public boolean validOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
  }
}
