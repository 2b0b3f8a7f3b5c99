package org.kitepkana.catalog.record.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kitepkana.catalog.branch.domain.BranchId;

/**
 * A union-catalogue record with every branch's holdings: the aggregate. Changes made on it are
 * collected as {@link RecordChange}s and saved, with the new state, in one write at the next
 * version.
 *
 * <p>Curation by a coordinator (edit, move a holding, merge) works on the same aggregate: every
 * step of a merge or a move changes one record and is saved like any other change. A record that
 * was merged away is a tombstone that takes no holdings: {@link #redirectFor} says where a branch's
 * item lives now.
 */
public final class CatalogRecord {

  /** What a holding upsert or withdrawal did. */
  public enum Outcome {
    ADDED,
    CHANGED,
    WITHDRAWN,
    UNCHANGED,
    NOT_HELD
  }

  private final RecordId id;
  private final long version;
  private Description description;
  private MatchKey matchKey;
  private final List<Holding> holdings;
  private RecordState state;
  private RecordId mergeTarget;
  private final Set<String> incoming;
  private final Map<HoldingRef, RecordId> movingOut;
  private final Map<HoldingRef, RecordId> departed;
  private List<HoldingRef> mergeHoldings;
  private final List<RecordChange> changes = new ArrayList<>();

  public CatalogRecord(
      RecordId id,
      long version,
      Description description,
      MatchKey matchKey,
      List<Holding> holdings) {
    this(id, version, description, matchKey, holdings, Curation.active());
  }

  public CatalogRecord(
      RecordId id,
      long version,
      Description description,
      MatchKey matchKey,
      List<Holding> holdings,
      Curation curation) {
    this.id = id;
    this.version = version;
    this.description = description;
    this.matchKey = matchKey;
    this.holdings = new ArrayList<>(holdings);
    this.state = curation.state();
    this.mergeTarget = curation.mergeTarget();
    this.incoming = new LinkedHashSet<>(curation.incoming());
    this.movingOut = new LinkedHashMap<>(curation.movingOut());
    this.departed = new LinkedHashMap<>(curation.departed());
    this.mergeHoldings = List.copyOf(curation.mergeHoldings());
  }

  /** A record the catalogue has not seen: version 0 until saved. */
  public static CatalogRecord create(RecordId id, Description description) {
    CatalogRecord record = new CatalogRecord(id, 0, description, description.matchKey(), List.of());
    record.changes.add(new RecordChange.RecordCreated(id, description, record.matchKey));
    return record;
  }

  /** Completes the shared description with fields a branch knows and the record lacks. */
  public void completeWith(Description other) {
    Description completed = description.completedBy(other);
    if (!completed.equals(description)) {
      description = completed;
      describedAnew();
    }
  }

  /**
   * A coordinator's edit of the shared description: it replaces the description, and the match key
   * follows the new title, first author and year. False when nothing changed.
   */
  public boolean edit(Description edited) {
    requireState(RecordState.ACTIVE, "edited");
    if (edited.equals(description)) {
      return false;
    }
    description = edited;
    matchKey = edited.matchKey();
    describedAnew();
    return true;
  }

  private void describedAnew() {
    if (changes.stream().noneMatch(c -> c instanceof RecordChange.RecordCreated)) {
      changes.removeIf(c -> c instanceof RecordChange.RecordUpdated);
      changes.add(new RecordChange.RecordUpdated(id, description, matchKey));
    }
  }

  /**
   * Where changes to this branch item go instead of this record: the survivor of a merge, or the
   * record a coordinator moved the holding to. Empty when this record is the place.
   */
  public Optional<RecordId> redirectFor(BranchId branch, String itemId) {
    if (state == RecordState.MERGED) {
      return Optional.of(mergeTarget);
    }
    HoldingRef ref = new HoldingRef(branch, itemId);
    if (holding(branch, itemId).isPresent()) {
      return Optional.empty();
    }
    RecordId went = departed.get(ref);
    if (went != null) {
      return Optional.of(went);
    }
    return state == RecordState.MERGING ? Optional.of(mergeTarget) : Optional.empty();
  }

  public Outcome upsertHolding(
      BranchId branch, String itemId, String callNumber, int copies, String location) {
    requireNoRedirect(branch, itemId);
    Optional<Holding> existing = holding(branch, itemId);
    int moves = existing.map(Holding::moves).orElse(0);
    Holding wanted =
        new Holding(branch, itemId, callNumber, copies, location, HoldingStatus.AVAILABLE, moves);
    if (existing.isEmpty()) {
      holdings.add(wanted);
      changes.add(new RecordChange.HoldingAdded(id, wanted));
      return Outcome.ADDED;
    }
    if (existing.get().equals(wanted)) {
      return Outcome.UNCHANGED;
    }
    holdings.set(holdings.indexOf(existing.get()), wanted);
    changes.add(new RecordChange.HoldingChanged(id, wanted));
    return Outcome.CHANGED;
  }

  public Outcome withdrawHolding(BranchId branch, String itemId) {
    requireNoRedirect(branch, itemId);
    Optional<Holding> existing = holding(branch, itemId);
    if (existing.isEmpty()) {
      return Outcome.NOT_HELD;
    }
    if (existing.get().status() == HoldingStatus.WITHDRAWN) {
      return Outcome.UNCHANGED;
    }
    Holding withdrawn = existing.get().withdrawn();
    holdings.set(holdings.indexOf(existing.get()), withdrawn);
    changes.add(new RecordChange.HoldingWithdrawn(id, withdrawn));
    return Outcome.WITHDRAWN;
  }

  private void requireNoRedirect(BranchId branch, String itemId) {
    Optional<RecordId> elsewhere = redirectFor(branch, itemId);
    if (elsewhere.isPresent()) {
      throw new IllegalStateException(
          "item " + branch.value() + "|" + itemId + " of " + id + " lives on " + elsewhere.get());
    }
  }

  // --- curation: moving holdings in and out ----------------------------------------------------

  /**
   * Holds this record open for an operation bringing holdings in; it cannot be merged meanwhile.
   */
  public void lockIncoming(String operation) {
    requireState(RecordState.ACTIVE, "a target of curation");
    incoming.add(operation);
  }

  public void unlockIncoming(String operation) {
    incoming.remove(operation);
  }

  public boolean isLockedBy(String operation) {
    return incoming.contains(operation);
  }

  /** Marks a holding as being moved to {@code target}, so the record cannot be merged meanwhile. */
  public void markMovingOut(HoldingRef ref, RecordId target) {
    requireState(RecordState.ACTIVE, "the source of a move");
    if (holding(ref.branchId(), ref.itemId()).isEmpty()) {
      throw new IllegalStateException(ref + " is not on " + id);
    }
    movingOut.put(ref, target);
  }

  public void unmarkMovingOut(HoldingRef ref) {
    movingOut.remove(ref);
  }

  public Optional<RecordId> movingOutTo(HoldingRef ref) {
    return Optional.ofNullable(movingOut.get(ref));
  }

  /** Where a holding that left this record went. */
  public Optional<RecordId> departedTo(HoldingRef ref) {
    return Optional.ofNullable(departed.get(ref));
  }

  public Optional<Holding> holding(HoldingRef ref) {
    return holding(ref.branchId(), ref.itemId());
  }

  /**
   * A holding moved here from {@code from}, with its moves already counted. False (and nothing
   * changes) when it is here already.
   */
  public boolean receiveHolding(Holding moved, RecordId from, MoveReason reason) {
    requireState(RecordState.ACTIVE, "given holdings");
    if (holding(moved.branchId(), moved.itemId()).isPresent()) {
      return false;
    }
    holdings.add(moved);
    departed.remove(moved.ref());
    changes.add(new RecordChange.HoldingMoved(id, from, id, moved, reason));
    return true;
  }

  /**
   * Brings a holding that arrived here up to date with what its branch changed on the old record
   * while the move was under way. False when it was up to date.
   */
  public boolean refreshHolding(Holding latest) {
    Holding current =
        holding(latest.branchId(), latest.itemId())
            .orElseThrow(() -> new IllegalStateException(latest.ref() + " is not on " + id));
    if (current.sameStateAs(latest)) {
      return false;
    }
    Holding refreshed = latest.withMoves(current.moves());
    holdings.set(holdings.indexOf(current), refreshed);
    changes.add(
        refreshed.status() == HoldingStatus.WITHDRAWN && current.status() != HoldingStatus.WITHDRAWN
            ? new RecordChange.HoldingWithdrawn(id, refreshed)
            : new RecordChange.HoldingChanged(id, refreshed));
    return true;
  }

  /**
   * The holding left for {@code to}, where it now is as {@code arrived}; a later sync of the item
   * is redirected there.
   */
  public void releaseHolding(HoldingRef ref, RecordId to, Holding arrived, MoveReason reason) {
    Holding leaving =
        holding(ref.branchId(), ref.itemId())
            .orElseThrow(() -> new IllegalStateException(ref + " is not on " + id));
    holdings.remove(leaving);
    movingOut.remove(ref);
    departed.put(ref, to);
    changes.add(new RecordChange.HoldingMoved(id, id, to, arrived, reason));
  }

  // --- curation: merging ---------------------------------------------------------------------

  /** Why this record cannot be merged away now; empty when it can. */
  public Optional<String> whyNotMergeable() {
    if (state != RecordState.ACTIVE) {
      return Optional.of("record " + id + " is " + state + " into " + mergeTarget);
    }
    if (!incoming.isEmpty()) {
      return Optional.of("holdings are being moved or merged into record " + id);
    }
    if (!movingOut.isEmpty()) {
      return Optional.of("a holding of record " + id + " is being moved");
    }
    return Optional.empty();
  }

  /** The intent of a merge: from now on this record's holdings move to {@code survivor}. */
  public void beginMerge(RecordId survivor) {
    whyNotMergeable()
        .ifPresent(
            why -> {
              throw new IllegalStateException(why);
            });
    if (survivor.equals(id)) {
      throw new IllegalStateException("a record cannot be merged into itself");
    }
    state = RecordState.MERGING;
    mergeTarget = survivor;
    mergeHoldings = holdings.stream().map(Holding::ref).toList();
  }

  /** Every holding has moved: the record becomes a tombstone pointing at the survivor. */
  public void completeMerge() {
    requireState(RecordState.MERGING, "completed as a merge");
    if (!holdings.isEmpty()) {
      throw new IllegalStateException("record " + id + " still has holdings to move");
    }
    state = RecordState.MERGED;
    changes.add(new RecordChange.RecordMerged(id, mergeTarget, mergeHoldings));
  }

  private void requireState(RecordState wanted, String what) {
    if (state != wanted) {
      throw new IllegalStateException("record " + id + " is " + state + " and cannot be " + what);
    }
  }

  public Optional<Holding> holding(BranchId branch, String itemId) {
    return holdings.stream().filter(h -> h.isOf(branch, itemId)).findFirst();
  }

  public RecordId id() {
    return id;
  }

  /** The stored version this aggregate was loaded at (0 for a new record). */
  public long version() {
    return version;
  }

  public long nextVersion() {
    return version + 1;
  }

  public boolean isNew() {
    return version == 0;
  }

  public Description description() {
    return description;
  }

  public MatchKey matchKey() {
    return matchKey;
  }

  public List<Holding> holdings() {
    return List.copyOf(holdings);
  }

  public RecordState state() {
    return state;
  }

  /** For a record MERGING or MERGED: the survivor. */
  public Optional<RecordId> mergeTarget() {
    return Optional.ofNullable(mergeTarget);
  }

  public Curation curation() {
    return new Curation(state, mergeTarget, incoming, movingOut, departed, mergeHoldings);
  }

  public List<RecordChange> changes() {
    return List.copyOf(changes);
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }
}
