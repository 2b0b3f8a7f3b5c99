package org.kitepkana.catalog.branch.application;

import org.kitepkana.catalog.branch.domain.Branch;

/** The outcome of a change to the directory: done, or why not. */
public sealed interface BranchResult {

  record Done(Branch branch) implements BranchResult {}

  /** The actor may not change the directory: only coordinators maintain it. */
  record Forbidden(String reason) implements BranchResult {}

  record NotFound() implements BranchResult {}

  record AlreadyExists() implements BranchResult {}

  record UnknownParent(String parentId) implements BranchResult {}

  record InvalidParent(String reason) implements BranchResult {}

  record VersionConflict(long currentVersion) implements BranchResult {}
}
