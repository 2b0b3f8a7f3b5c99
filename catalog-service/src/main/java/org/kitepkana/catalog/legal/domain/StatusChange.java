package org.kitepkana.catalog.legal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of an act's status history: from {@code effectiveOn} the act is in {@code status},
 * because of the act named by {@code byActId} (when the databank has it) and/or {@code
 * byActNumber}. The first entry of every history is the act's own entry into force.
 *
 * @param recordedAt when the library recorded the entry (not when it took effect)
 */
public record StatusChange(
    ActStatus status,
    LocalDate effectiveOn,
    LegalActId byActId,
    String byActNumber,
    String note,
    Instant recordedAt) {

  public static final int MAX_NOTE = 1000;

  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(effectiveOn, "effectiveOn");
    Objects.requireNonNull(recordedAt, "recordedAt");
    byActNumber = byActNumber == null || byActNumber.isBlank() ? null : byActNumber.strip();
    note = note == null || note.isBlank() ? null : note.strip();
    if (byActNumber != null && byActNumber.length() > ActNumber.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "byActNumber must be at most " + ActNumber.MAX_LENGTH + " characters");
    }
    if (note != null && note.length() > MAX_NOTE) {
      throw new IllegalArgumentException("note must be at most " + MAX_NOTE + " characters");
    }
  }
}
