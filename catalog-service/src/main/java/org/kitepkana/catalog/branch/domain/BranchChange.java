package org.kitepkana.catalog.branch.domain;

/**
 * What happened to a branch in the directory. Each carries the full new state, because the branches
 * topic is compacted: the latest event per branch is the branch.
 */
public sealed interface BranchChange {

  Branch branch();

  /** A branch joined the directory. */
  record BranchRegistered(Branch branch) implements BranchChange {}

  /** A branch's details changed. */
  record BranchRevised(Branch branch) implements BranchChange {}
}
