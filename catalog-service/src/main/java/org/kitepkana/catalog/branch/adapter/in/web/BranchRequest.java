package org.kitepkana.catalog.branch.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.kitepkana.catalog.branch.domain.BranchDetails;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.branch.domain.BranchType;

/** A branch as a coordinator sends it. {@code id} is required to register, ignored to revise. */
record BranchRequest(
    @Pattern(
            regexp = "^[a-z0-9][a-z0-9-]{1,39}$",
            message = "must be 2-40 lower-case letters, digits or dashes")
        String id,
    @NotBlank @Size(max = 200) String name,
    @NotNull BranchType type,
    @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,39}$", message = "must be an existing branch id")
        String parentId,
    @Size(max = 200) String district,
    @Size(max = 500) String address,
    @Size(max = 10)
        List<@Pattern(regexp = "^[a-z]{2,3}$", message = "must be an ISO 639 code") String>
            languages,
    Long version) {

  BranchDetails details() {
    return new BranchDetails(
        name.strip(),
        type,
        parentId == null ? null : new BranchId(parentId),
        district,
        address,
        languages);
  }
}
