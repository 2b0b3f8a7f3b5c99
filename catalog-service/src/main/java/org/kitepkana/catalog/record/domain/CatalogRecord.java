package org.kitepkana.catalog.record.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kitepkana.catalog.branch.domain.BranchId;

/**
 * A union-catalogue record with every branch's holdings: the aggregate. Changes made on it are
 * collected as {@link RecordChange}s and saved, with the new state, in one write at the next
 * version.
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
  private final MatchKey matchKey;
  private final List<Holding> holdings;
  private final List<RecordChange> changes = new ArrayList<>();

  public CatalogRecord(
      RecordId id,
      long version,
      Description description,
      MatchKey matchKey,
      List<Holding> holdings) {
    this.id = id;
    this.version = version;
    this.description = description;
    this.matchKey = matchKey;
    this.holdings = new ArrayList<>(holdings);
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
      if (changes.stream().noneMatch(c -> c instanceof RecordChange.RecordCreated)) {
        changes.removeIf(c -> c instanceof RecordChange.RecordUpdated);
        changes.add(new RecordChange.RecordUpdated(id, description, matchKey));
      }
    }
  }

  public Outcome upsertHolding(
      BranchId branch, String itemId, String callNumber, int copies, String location) {
    Holding wanted =
        new Holding(branch, itemId, callNumber, copies, location, HoldingStatus.AVAILABLE);
    Optional<Holding> existing = holding(branch, itemId);
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

  public List<RecordChange> changes() {
    return List.copyOf(changes);
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }
}
