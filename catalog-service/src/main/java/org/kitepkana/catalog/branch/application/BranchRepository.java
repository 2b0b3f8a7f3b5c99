package org.kitepkana.catalog.branch.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kitepkana.catalog.branch.domain.Branch;
import org.kitepkana.catalog.branch.domain.BranchChange;
import org.kitepkana.catalog.branch.domain.BranchId;

/**
 * Where branches are kept. Saving a branch also queues its change for publication, atomically with
 * the new state.
 */
public interface BranchRepository {

  /** Inserts a new branch; false when the id is taken. */
  boolean insert(Branch branch, BranchChange change);

  /** Replaces the branch if it is still at {@code expectedVersion}; false otherwise. */
  boolean update(Branch branch, long expectedVersion, BranchChange change);

  Optional<Branch> find(BranchId id);

  List<Branch> findAll();

  /** The subset of ids that exist. */
  Set<BranchId> existing(Collection<BranchId> ids);
}
