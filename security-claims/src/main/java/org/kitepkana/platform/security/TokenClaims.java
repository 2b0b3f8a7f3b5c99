package org.kitepkana.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@link Actor} from a validated token's claims. A token may carry several roles; the
 * strongest wins (coordinator, then partnership officer, then branch librarian, then subscriber). A
 * branch librarian's token must name her branch: without one it is refused, never read as a
 * librarian of everything. Plain Java: no Spring type, so a test or a tool can read tokens the same
 * way.
 *
 * @param rolesClaim the claim holding the roles; dots walk into nested objects ({@code
 *     realm_access.roles})
 * @param branchClaim the claim holding a librarian's branch id
 */
public record TokenClaims(String rolesClaim, String branchClaim) {

  /** The role names as they appear in tokens, strongest first. */
  public static final List<String> ROLE_NAMES =
      List.of("coordinator", "partnership_officer", "branch_librarian", "subscriber");

  /** What a token says about its bearer: an actor, or why it cannot be one. */
  public sealed interface Reading {}

  /** The token names a known role (and a branch where one is needed). */
  public record Known(Actor actor) implements Reading {}

  /** The token cannot act in Kitepkana; {@code reason} goes into the 401. */
  public record Unusable(String reason) implements Reading {}

  public TokenClaims {
    if (rolesClaim == null
        || rolesClaim.isBlank()
        || branchClaim == null
        || branchClaim.isBlank()) {
      throw new IllegalArgumentException("the roles and branch claim names must be set");
    }
  }

  public static TokenClaims defaults() {
    return new TokenClaims("roles", "branch");
  }

  public Reading read(Map<String, Object> claims) {
    Set<String> roles = roles(claims);
    String subject = claims.get("sub") == null ? "unknown" : String.valueOf(claims.get("sub"));
    if (roles.contains("coordinator")) {
      return new Known(Actor.coordinator(subject));
    }
    if (roles.contains("partnership_officer")) {
      return new Known(Actor.partnershipOfficer(subject));
    }
    if (roles.contains("branch_librarian")) {
      Object branch = path(claims, branchClaim);
      if (!(branch instanceof String id) || id.isBlank()) {
        return new Unusable(
            "a branch_librarian token must name the branch in the '" + branchClaim + "' claim");
      }
      return new Known(Actor.librarian(id.strip(), subject));
    }
    if (roles.contains("subscriber")) {
      return new Known(Actor.subscriber(subject));
    }
    return new Unusable(
        "the token has none of the roles " + ROLE_NAMES + " in the '" + rolesClaim + "' claim");
  }

  /** The role names found under {@link #rolesClaim}: a JSON array, or a space-separated string. */
  Set<String> roles(Map<String, Object> claims) {
    Object value = path(claims, rolesClaim);
    Set<String> roles = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      for (Object role : list) {
        if (role != null) {
          roles.add(role.toString().strip());
        }
      }
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
    Object current = claims.get(dotted);
    if (current != null || !dotted.contains(".")) {
      return current;
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
