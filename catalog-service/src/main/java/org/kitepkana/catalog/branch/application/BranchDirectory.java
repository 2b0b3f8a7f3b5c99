package org.kitepkana.catalog.branch.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kitepkana.catalog.branch.domain.Branch;
import org.kitepkana.catalog.branch.domain.BranchChange;
import org.kitepkana.catalog.branch.domain.BranchDetails;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.platform.security.Actor;

/** Registers and revises the network's branches; only coordinators maintain the directory. */
public class BranchDirectory {

  private static final int MAX_ATTEMPTS = 5;

  private final BranchRepository branches;
  private final Clock clock;

  public BranchDirectory(BranchRepository branches, Clock clock) {
    this.branches = branches;
    this.clock = clock;
  }

  public BranchResult register(Actor actor, BranchId id, BranchDetails details) {
    if (!actor.is(Actor.Role.COORDINATOR)) {
      return new BranchResult.Forbidden("only coordinators register branches");
    }
    BranchResult parentProblem = checkParent(id, details);
    if (parentProblem != null) {
      return parentProblem;
    }
    Branch branch =
        new Branch(
            id,
            details.name(),
            details.type(),
            details.parentId(),
            details.district(),
            details.address(),
            details.languages(),
            1,
            clock.instant());
    if (!branches.insert(branch, new BranchChange.BranchRegistered(branch))) {
      return new BranchResult.AlreadyExists();
    }
    return new BranchResult.Done(branch);
  }

  /**
   * Revises a branch. With {@code expectedVersion} the change applies only to that version;
   * without, it applies to whatever version is current (retrying on a concurrent change).
   */
  public BranchResult revise(
      Actor actor, BranchId id, BranchDetails details, Long expectedVersion) {
    if (!actor.is(Actor.Role.COORDINATOR)) {
      return new BranchResult.Forbidden("only coordinators revise branches");
    }
    BranchResult parentProblem = checkParent(id, details);
    if (parentProblem != null) {
      return parentProblem;
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Branch> current = branches.find(id);
      if (current.isEmpty()) {
        return new BranchResult.NotFound();
      }
      Branch before = current.get();
      if (expectedVersion != null && before.version() != expectedVersion) {
        return new BranchResult.VersionConflict(before.version());
      }
      if (before.details().equals(details)) {
        return new BranchResult.Done(before);
      }
      Branch after = before.revise(details, clock.instant());
      if (branches.update(after, before.version(), new BranchChange.BranchRevised(after))) {
        return new BranchResult.Done(after);
      }
      if (expectedVersion != null) {
        return new BranchResult.VersionConflict(branches.find(id).map(Branch::version).orElse(0L));
      }
    }
    return new BranchResult.VersionConflict(branches.find(id).map(Branch::version).orElse(0L));
  }

  public Optional<Branch> find(BranchId id) {
    return branches.find(id);
  }

  public List<Branch> all() {
    return branches.findAll();
  }

  private BranchResult checkParent(BranchId id, BranchDetails details) {
    if (details.parentId() == null) {
      return null;
    }
    if (details.parentId().equals(id)) {
      return new BranchResult.InvalidParent("a branch cannot be its own parent");
    }
    if (branches.find(details.parentId()).isEmpty()) {
      return new BranchResult.UnknownParent(details.parentId().value());
    }
    return null;
  }
}
