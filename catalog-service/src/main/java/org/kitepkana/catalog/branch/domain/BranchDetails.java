package org.kitepkana.catalog.branch.domain;

import java.util.List;

/** What a coordinator states about a branch: everything but its id and version. */
public record BranchDetails(
    String name,
    BranchType type,
    BranchId parentId,
    String district,
    String address,
    List<String> languages) {

  public BranchDetails {
    languages = languages == null ? List.of() : List.copyOf(languages);
  }
}
