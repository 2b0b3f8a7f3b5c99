package org.kitepkana.catalog.legal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.legal.domain.LegalAct;
import org.kitepkana.catalog.legal.domain.LegalActDetails;
import org.kitepkana.catalog.legal.domain.LegalActId;
import org.kitepkana.catalog.legal.domain.LegalActQuery;
import org.kitepkana.catalog.legal.domain.Revision;
import org.kitepkana.catalog.legal.domain.SearchableLegalAct;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.platform.security.Actor;

/**
 * The legal-acts databank: registers acts, records their amendments and repeals, corrects them, and
 * searches them.
 *
 * <p>Who may write: a coordinator, or the librarian of the branch that keeps the act (for a move to
 * another branch, of both branches). Retracting a status change recorded by mistake rewrites legal
 * history, so only a coordinator may. Everyone may read and search.
 *
 * <p>The printed copy follows record merges: an act names the union-catalogue record of its copy,
 * and a coordinator may later merge that record into another. Every act this class hands out (read,
 * found, or answered to a write) names the record the copy lives on now, and a registration or
 * correction naming a merged-away record stores its survivor; acts saved before the merge keep the
 * old id in the store (and on the topic) until they are next changed.
 */
public class LegalActs {

  /** Dates of acts are Kyrgyz dates: "today" is today in Bishkek. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Bishkek");

  private final LegalActRepository acts;
  private final KeepingBranches branches;
  private final CatalogueRecords records;
  private final Clock clock;

  public LegalActs(
      LegalActRepository acts, KeepingBranches branches, CatalogueRecords records, Clock clock) {
    this.acts = acts;
    this.branches = branches;
    this.records = records;
    this.clock = clock;
  }

  public LegalActResult register(Actor actor, LegalActDetails details) {
    if (!actor.mayManageBranch(details.branchId().value())) {
      return forbidden(details.branchId());
    }
    LegalActResult references = checkReferences(details, true, true);
    if (references != null) {
      return references;
    }
    Instant now = clock.instant();
    Revision revision =
        LegalAct.register(LegalActId.newId(now), withCurrentRecord(details), today(), now);
    if (!(revision instanceof Revision.Applied applied)) {
      return refusal(revision);
    }
    LegalActRepository.Saved saved = acts.insert(applied.act(), applied.change());
    if (saved instanceof LegalActRepository.Saved.DuplicateKey duplicate) {
      return duplicate(duplicate);
    }
    return new LegalActResult.Done(applied.act());
  }

  public LegalActResult changeStatus(Actor actor, LegalActId id, StatusChangeCommand command) {
    Optional<LegalAct> found = acts.find(id);
    if (found.isEmpty()) {
      return new LegalActResult.NotFound();
    }
    LegalAct act = found.get();
    if (!actor.mayManageBranch(act.details().branchId().value())) {
      return forbidden(act.details().branchId());
    }
    if (act.version() != command.expectedVersion()) {
      return new LegalActResult.VersionConflict(act.version());
    }
    String byActNumber = command.byActNumber();
    if (command.byActId() != null && !command.byActId().equals(id)) {
      Optional<LegalAct> byAct = acts.find(command.byActId());
      if (byAct.isEmpty()) {
        return new LegalActResult.Invalid(
            "byActId", "no legal act " + command.byActId().value() + " in the databank");
      }
      if (byActNumber == null || byActNumber.isBlank()) {
        byActNumber = byAct.get().details().number().value();
      }
    }
    Revision revision =
        act.changeStatus(
            command.status(),
            command.effectiveOn(),
            command.byActId(),
            byActNumber,
            command.note(),
            clock.instant());
    return save(act, revision);
  }

  public LegalActResult correct(
      Actor actor, LegalActId id, LegalActDetails details, long expectedVersion, String reason) {
    Optional<LegalAct> found = acts.find(id);
    if (found.isEmpty()) {
      return new LegalActResult.NotFound();
    }
    LegalAct act = found.get();
    BranchId keeper = act.details().branchId();
    if (!actor.mayManageBranch(keeper.value())) {
      return forbidden(keeper);
    }
    if (!actor.mayManageBranch(details.branchId().value())) {
      return forbidden(details.branchId());
    }
    if (act.version() != expectedVersion) {
      return new LegalActResult.VersionConflict(act.version());
    }
    LegalActResult references =
        checkReferences(
            details,
            !details.branchId().equals(keeper),
            !Objects.equals(details.recordId(), act.details().recordId()));
    if (references != null) {
      return references;
    }
    boolean recordChanged = !Objects.equals(details.recordId(), act.details().recordId());
    LegalActDetails corrected = recordChanged ? withCurrentRecord(details) : details;
    return save(act, act.correct(corrected, reason, today(), clock.instant()));
  }

  public LegalActResult retractLatestStatusChange(
      Actor actor, LegalActId id, long expectedVersion, String reason) {
    if (!actor.is(Actor.Role.COORDINATOR)) {
      return new LegalActResult.Forbidden(
          "only a coordinator may retract a status change recorded by mistake");
    }
    Optional<LegalAct> found = acts.find(id);
    if (found.isEmpty()) {
      return new LegalActResult.NotFound();
    }
    LegalAct act = found.get();
    if (act.version() != expectedVersion) {
      return new LegalActResult.VersionConflict(act.version());
    }
    return save(act, act.retractLatestStatusChange(reason, clock.instant()));
  }

  /** The act, naming the record its printed copy lives on now. */
  public Optional<LegalAct> find(LegalActId id) {
    return acts.find(id).map(this::followingMerges);
  }

  /**
   * Searches by scanning every act (see the package documentation for why that is enough) and
   * applying {@link LegalActQuery}, the one place that decides a match.
   */
  public LegalActPage search(LegalActQuery query, int page, int size) {
    List<SearchableLegalAct> matching =
        acts.scan().stream()
            .filter(query::matches)
            .sorted((a, b) -> LegalActQuery.ORDER.compare(a.act(), b.act()))
            .toList();
    int from = Math.min(matching.size(), page * size);
    int to = Math.min(matching.size(), from + size);
    List<SearchableLegalAct> items =
        matching.subList(from, to).stream()
            .map(
                found ->
                    new SearchableLegalAct(
                        followingMerges(found.act()),
                        found.words(),
                        found.bodyWords(),
                        found.hasText()))
            .toList();
    return new LegalActPage(matching.size(), page, size, items);
  }

  /** Today in Bishkek. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  private LegalActResult save(LegalAct before, Revision revision) {
    if (revision instanceof Revision.Unchanged unchanged) {
      return new LegalActResult.Done(followingMerges(unchanged.act()));
    }
    if (!(revision instanceof Revision.Applied applied)) {
      return refusal(revision);
    }
    LegalActRepository.Saved saved = acts.update(applied.act(), before.version(), applied.change());
    if (saved instanceof LegalActRepository.Saved.DuplicateKey duplicate) {
      return duplicate(duplicate);
    }
    if (saved instanceof LegalActRepository.Saved.StaleVersion) {
      return new LegalActResult.VersionConflict(
          acts.find(before.id()).map(LegalAct::version).orElse(before.version()));
    }
    return new LegalActResult.Done(followingMerges(applied.act()));
  }

  /**
   * The act naming the record its printed copy lives on now; unchanged when it has none, when that
   * record was not merged away, or when the catalogue no longer knows it.
   */
  private LegalAct followingMerges(LegalAct act) {
    RecordId copy = act.details().recordId();
    if (copy == null) {
      return act;
    }
    return records
        .current(copy)
        .filter(current -> !current.equals(copy))
        .map(act::withPrintedCopyOn)
        .orElse(act);
  }

  /** The details naming the record their printed copy lives on now (checked to exist before). */
  private LegalActDetails withCurrentRecord(LegalActDetails details) {
    RecordId copy = details.recordId();
    if (copy == null) {
      return details;
    }
    return records.current(copy).map(details::withRecordId).orElse(details);
  }

  private LegalActResult checkReferences(
      LegalActDetails details, boolean checkBranch, boolean checkRecord) {
    if (checkBranch && !branches.exists(details.branchId())) {
      return new LegalActResult.Invalid(
          "branchId", "no branch " + details.branchId().value() + " in the branch directory");
    }
    if (checkRecord
        && details.recordId() != null
        && records.current(details.recordId()).isEmpty()) {
      return new LegalActResult.Invalid(
          "recordId", "no catalogue record " + details.recordId().value());
    }
    return null;
  }

  private static LegalActResult refusal(Revision revision) {
    if (revision instanceof Revision.Invalid invalid) {
      return new LegalActResult.Invalid(invalid.field(), invalid.reason());
    }
    if (revision instanceof Revision.NotNow notNow) {
      return new LegalActResult.Refused(notNow.field(), notNow.reason());
    }
    throw new IllegalStateException("not a refusal: " + revision);
  }

  private static LegalActResult duplicate(LegalActRepository.Saved.DuplicateKey duplicate) {
    return duplicate
        .holder()
        .<LegalActResult>map(LegalActResult.Duplicate::new)
        .orElseGet(
            () ->
                new LegalActResult.Refused(
                    "number", "another act with this body, number and year was just saved"));
  }

  private static LegalActResult forbidden(BranchId branch) {
    return new LegalActResult.Forbidden(
        "only a coordinator or a librarian of " + branch.value() + " may change its legal acts");
  }
}
