package org.kitepkana.catalog.branch.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A library of the network as the directory knows it. The regional library has no parent; every
 * other branch names the library it reports to.
 */
public record Branch(
    BranchId id,
    String name,
    BranchType type,
    BranchId parentId,
    String district,
    String address,
    List<String> languages,
    long version,
    Instant updatedAt) {

  public Branch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    languages = languages == null ? List.of() : List.copyOf(languages);
  }

  /** The same branch with new details, one version on. */
  public Branch revise(BranchDetails details, Instant now) {
    return new Branch(
        id,
        details.name(),
        details.type(),
        details.parentId(),
        details.district(),
        details.address(),
        details.languages(),
        version + 1,
        now);
  }

  public BranchDetails details() {
    return new BranchDetails(name, type, parentId, district, address, languages);
  }
}
