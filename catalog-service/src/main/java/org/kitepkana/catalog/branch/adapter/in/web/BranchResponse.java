package org.kitepkana.catalog.branch.adapter.in.web;

import java.time.Instant;
import java.util.List;
import org.kitepkana.catalog.branch.domain.Branch;

/** A branch as the API shows it. */
record BranchResponse(
    String id,
    String name,
    String type,
    String parentId,
    String district,
    String address,
    List<String> languages,
    long version,
    Instant updatedAt) {

  static BranchResponse of(Branch b) {
    return new BranchResponse(
        b.id().value(),
        b.name(),
        b.type().name(),
        b.parentId() == null ? null : b.parentId().value(),
        b.district(),
        b.address(),
        b.languages(),
        b.version(),
        b.updatedAt());
  }
}
