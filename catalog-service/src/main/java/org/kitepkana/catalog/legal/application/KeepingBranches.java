package org.kitepkana.catalog.legal.application;

import org.kitepkana.catalog.branch.domain.BranchId;

/** The branch directory, as far as the databank needs it: does a branch exist. */
@FunctionalInterface
public interface KeepingBranches {

  boolean exists(BranchId branch);
}
