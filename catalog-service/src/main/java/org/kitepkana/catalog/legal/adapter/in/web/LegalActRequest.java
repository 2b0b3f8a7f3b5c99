package org.kitepkana.catalog.legal.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.legal.domain.ActKind;
import org.kitepkana.catalog.legal.domain.ActNumber;
import org.kitepkana.catalog.legal.domain.ActTitle;
import org.kitepkana.catalog.legal.domain.BodyType;
import org.kitepkana.catalog.legal.domain.IssuingBody;
import org.kitepkana.catalog.legal.domain.LegalActDetails;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.platform.web.ApiProblem;

/**
 * An act as a librarian sends it, to register it or (with {@code version}, and optionally {@code
 * reason}) to correct it. {@code effectiveFrom} defaults to {@code adoptedOn}. Dates are strings
 * here, parsed by the adapter, so a wrong date is refused naming its field.
 */
record LegalActRequest(
    @NotBlank @Size(max = 40) String number,
    @NotNull @Valid TitleRequest title,
    @NotNull ActKind kind,
    @NotNull @Pattern(regexp = DATE, message = DATE_MESSAGE) String adoptedOn,
    @Pattern(regexp = DATE, message = DATE_MESSAGE) String effectiveFrom,
    @NotNull @Valid IssuingBodyRequest issuingBody,
    @NotNull
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,39}$", message = "must be an existing branch id")
        String branchId,
    @Size(max = 30) List<@NotBlank @Size(max = 100) String> subjects,
    @Size(max = 100_000) String text,
    @Size(max = 500)
        @Pattern(regexp = "^(?i)https?://\\S+$", message = "must be an http or https address")
        String publicationUrl,
    @Pattern(regexp = "^[0-9A-HJKMNP-TV-Z]{26}$", message = "must be a catalogue record id (ULID)")
        String recordId,
    Long version,
    @Size(max = 1000) String reason) {

  /** The title in Kyrgyz and/or Russian. */
  record TitleRequest(@Size(max = 1000) String ky, @Size(max = 1000) String ru) {}

  /** The issuing body. */
  record IssuingBodyRequest(
      @NotNull BodyType type,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String territory) {}

  LegalActDetails details() {
    return field(
        "body",
        () ->
            new LegalActDetails(
                field("number", () -> new ActNumber(number)),
                field("title", () -> new ActTitle(title.ky(), title.ru())),
                kind,
                date("adoptedOn", adoptedOn),
                date("effectiveFrom", effectiveFrom),
                field(
                    "issuingBody",
                    () ->
                        new IssuingBody(
                            issuingBody.type(), issuingBody.name(), issuingBody.territory())),
                new BranchId(branchId),
                subjects,
                text,
                publicationUrl == null || publicationUrl.isBlank()
                    ? null
                    : field(
                        "publicationUrl", () -> LegalActDetails.checkUrl(publicationUrl.strip())),
                recordId == null ? null : new RecordId(recordId)));
  }

  static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
  static final String DATE_MESSAGE = "must be a date like 2024-03-15";

  /** A calendar date, or null; a date that does not exist (2024-02-30) is a 400 naming it. */
  static LocalDate date(String name, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(name, "is not a date of the calendar: " + raw);
    }
  }

  /** Builds a value, turning its validation failure into a 400 naming {@code name}. */
  static <T> T field(String name, Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(name, e.getMessage());
    }
  }
}
