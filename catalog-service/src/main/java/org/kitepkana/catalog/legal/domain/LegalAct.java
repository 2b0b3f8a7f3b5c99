package org.kitepkana.catalog.legal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * A normative legal act of local self-government kept in the library's databank, with the history
 * of its status.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>An act is registered {@link ActStatus#IN_FORCE} from {@code effectiveFrom}, which is not
 *       before its adoption; it is not adopted in the future.
 *   <li>A later act amends it (any number of times) or repeals it; each change names that act and
 *       takes effect on a date not before the previous change, so the history is ordered by
 *       effective date and "the status on date D" is well defined.
 *   <li>A repeal is final: no status change follows it. A status change recorded by mistake (a
 *       repeal included) is retracted by a correction, which is itself an event.
 * </ul>
 */
public record LegalAct(
    LegalActId id,
    LegalActDetails details,
    List<StatusChange> history,
    long version,
    Instant registeredAt,
    Instant updatedAt) {

  /** A bound on the history, so one document and one event stay small. */
  public static final int MAX_HISTORY = 200;

  public LegalAct {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    history = List.copyOf(history);
    if (history.isEmpty() || history.get(0).status() != ActStatus.IN_FORCE) {
      throw new IllegalArgumentException("a status history starts with the entry into force");
    }
  }

  /** Registers an act: version 1, in force from {@code details.effectiveFrom()}. */
  public static Revision register(
      LegalActId id, LegalActDetails details, LocalDate today, Instant now) {
    Revision invalid = checkDates(details, today);
    if (invalid != null) {
      return invalid;
    }
    LegalAct act =
        new LegalAct(
            id,
            details,
            List.of(
                new StatusChange(
                    ActStatus.IN_FORCE, details.effectiveFrom(), null, null, null, now)),
            1,
            now,
            now);
    return new Revision.Applied(act, new LegalActChange.LegalActRegistered(act));
  }

  /**
   * The act as a reader sees it once the record of its printed copy was merged into {@code
   * survivor}: the same act at the same version, its copy found on the survivor. Not a revision.
   */
  public LegalAct withPrintedCopyOn(RecordId survivor) {
    return new LegalAct(
        id, details.withRecordId(survivor), history, version, registeredAt, updatedAt);
  }

  /** The latest recorded status (which may take effect on a future date). */
  public ActStatus status() {
    return latest().status();
  }

  public StatusChange latest() {
    return history.get(history.size() - 1);
  }

  /** The status on {@code date}; empty before the act took effect. */
  public Optional<ActStatus> statusOn(LocalDate date) {
    ActStatus status = null;
    for (StatusChange change : history) {
      if (change.effectiveOn().isAfter(date)) {
        break;
      }
      status = change.status();
    }
    return Optional.ofNullable(status);
  }

  /** Whether the act applied on {@code date} (in force, as adopted or amended). */
  public boolean appliesOn(LocalDate date) {
    return statusOn(date).map(ActStatus::applies).orElse(false);
  }

  /**
   * Records that a later act amended or repealed this one.
   *
   * @param byActId the amending or repealing act, when the databank has it
   * @param byActNumber its number, when it is not in the databank (or to state it as written)
   */
  public Revision changeStatus(
      ActStatus next,
      LocalDate effectiveOn,
      LegalActId byActId,
      String byActNumber,
      String note,
      Instant now) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(effectiveOn, "effectiveOn");
    if (status() == ActStatus.REPEALED) {
      return new Revision.NotNow(
          "status",
          "the act was repealed on "
              + latest().effectiveOn()
              + "; a repeal is final (a status change recorded by mistake is retracted instead)");
    }
    if (!status().mayBecome(next)) {
      return new Revision.Invalid(
          "status", "an act " + status() + " may become AMENDED or REPEALED, not " + next);
    }
    if (effectiveOn.isBefore(latest().effectiveOn())) {
      return new Revision.Invalid(
          "effectiveOn",
          "must not be before "
              + latest().effectiveOn()
              + (history.size() == 1
                  ? ", when the act took effect"
                  : ", the date of its latest status change"));
    }
    if (byActId == null && (byActNumber == null || byActNumber.isBlank())) {
      return new Revision.Invalid(
          "byActNumber", "name the act that " + verb(next) + " this one (byActNumber or byActId)");
    }
    if (id.equals(byActId)) {
      return new Revision.Invalid(
          "byActId",
          "an act cannot " + (next == ActStatus.REPEALED ? "repeal" : "amend") + " itself");
    }
    if (history.size() >= MAX_HISTORY) {
      return new Revision.NotNow(
          "status", "the history already holds " + MAX_HISTORY + " status changes");
    }
    List<StatusChange> after = new ArrayList<>(history);
    after.add(new StatusChange(next, effectiveOn, byActId, byActNumber, note, now));
    LegalAct changed = new LegalAct(id, details, after, version + 1, registeredAt, now);
    return new Revision.Applied(changed, new LegalActChange.LegalActStatusChanged(changed));
  }

  /**
   * Corrects what was recorded. The entry into force follows {@code effectiveFrom}, which must stay
   * before the first amendment or repeal.
   */
  public Revision correct(LegalActDetails corrected, String reason, LocalDate today, Instant now) {
    Revision invalid = checkDates(corrected, today);
    if (invalid != null) {
      return invalid;
    }
    if (history.size() > 1 && corrected.effectiveFrom().isAfter(history.get(1).effectiveOn())) {
      return new Revision.Invalid(
          "effectiveFrom",
          "must not be after " + history.get(1).effectiveOn() + ", the act's first status change");
    }
    List<String> fields = details.differences(corrected);
    if (fields.isEmpty()) {
      return new Revision.Unchanged(this);
    }
    List<StatusChange> after = new ArrayList<>(history);
    StatusChange first = after.get(0);
    after.set(
        0,
        new StatusChange(
            first.status(),
            corrected.effectiveFrom(),
            first.byActId(),
            first.byActNumber(),
            first.note(),
            first.recordedAt()));
    LegalAct changed = new LegalAct(id, corrected, after, version + 1, registeredAt, now);
    return new Revision.Applied(
        changed, new LegalActChange.LegalActCorrected(changed, fields, reason));
  }

  /** Removes the latest status change, recorded by mistake; the entry into force stays. */
  public Revision retractLatestStatusChange(String reason, Instant now) {
    if (history.size() == 1) {
      return new Revision.NotNow(
          "statusHistory",
          "only the act's entry into force is recorded; there is nothing to retract");
    }
    if (reason == null || reason.isBlank()) {
      return new Revision.Invalid("reason", "say why the status change is retracted");
    }
    List<StatusChange> after = history.subList(0, history.size() - 1);
    LegalAct changed = new LegalAct(id, details, after, version + 1, registeredAt, now);
    return new Revision.Applied(
        changed,
        new LegalActChange.LegalActCorrected(
            changed, List.of("status", "statusHistory"), reason.strip()));
  }

  private static Revision checkDates(LegalActDetails details, LocalDate today) {
    if (details.adoptedOn().isAfter(today)) {
      return new Revision.Invalid(
          "adoptedOn", "must not be in the future (today is " + today + ")");
    }
    if (details.effectiveFrom().isBefore(details.adoptedOn())) {
      return new Revision.Invalid(
          "effectiveFrom", "must not be before adoptedOn (" + details.adoptedOn() + ")");
    }
    return null;
  }

  private static String verb(ActStatus next) {
    return next == ActStatus.REPEALED ? "repeals" : "amends";
  }
}
