package org.kitepkana.gateway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The role a token gives its bearer at the edge: the strongest of its roles (coordinator,
 * partnership officer, branch librarian, subscriber), as the services read it. A librarian's token
 * without a branch, or a token with no known role, gives none and is refused as invalid.
 */
final class EdgeRoles {

  static final List<String> STRONGEST_FIRST =
      List.of("coordinator", "partnership_officer", "branch_librarian", "subscriber");

  private final String rolesClaim;
  private final String branchClaim;

  EdgeRoles(String rolesClaim, String branchClaim) {
    this.rolesClaim = rolesClaim;
    this.branchClaim = branchClaim;
  }

  /** The authority name ({@code ROLE_COORDINATOR}, ...) of the token's strongest usable role. */
  Optional<String> authority(Map<String, Object> claims) {
    Set<String> roles = roles(claims);
    for (String role : STRONGEST_FIRST) {
      if (roles.contains(role)) {
        if (role.equals("branch_librarian") && !namesABranch(claims)) {
          return Optional.empty();
        }
        return Optional.of("ROLE_" + role.toUpperCase(java.util.Locale.ROOT));
      }
    }
    return Optional.empty();
  }

  /** Why a token has no usable role, for the 401. */
  String whyUnusable(Map<String, Object> claims) {
    return roles(claims).contains("branch_librarian")
        ? "a branch_librarian token must name the branch in the '" + branchClaim + "' claim"
        : "the token has none of the roles "
            + STRONGEST_FIRST
            + " in the '"
            + rolesClaim
            + "' claim";
  }

  private boolean namesABranch(Map<String, Object> claims) {
    return path(claims, branchClaim) instanceof String branch && !branch.isBlank();
  }

  private Set<String> roles(Map<String, Object> claims) {
    Object value = path(claims, rolesClaim);
    Set<String> roles = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      list.stream().filter(r -> r != null).forEach(r -> roles.add(r.toString().strip()));
    } else if (value instanceof String text) {
      for (String role : text.split("[\\s,]+")) {
        if (!role.isBlank()) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static Object path(Map<String, Object> claims, String dotted) {
    Object direct = claims.get(dotted);
    if (direct != null || !dotted.contains(".")) {
      return direct;
    }
    Object node = claims;
    for (String part : dotted.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(part);
    }
    return node;
  }
}
