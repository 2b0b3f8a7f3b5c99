package org.kitepkana.gateway.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kitepkana.gateway.security.EdgeGuard.Refusal;
import org.kitepkana.platform.security.Actor.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The edge's coarse rules, in order, the first that applies deciding:
 *
 * <ol>
 *   <li>any {@code OPTIONS} passes (CORS preflights);
 *   <li>{@code GET} and {@code HEAD} of a {@linkplain #PUBLIC_READS public read} pass;
 *   <li>{@code POST} of a {@linkplain #PUBLIC_WRITES public write} passes (event registrations);
 *   <li>anything else needs a token (401 without);
 *   <li>under {@code /api/**}, a role that writes ({@link #WRITING_ROLES}; 403 for a subscriber);
 *   <li>under {@code /actuator/**}, a coordinator (403 for anyone else);
 *   <li>anything else, any valid token.
 * </ol>
 *
 * Paths are matched as Spring's {@code PathPattern}s against the path within the application.
 */
final class EdgeAccessRules {

  /** The writes the public may make: the registration token decides in events-service. */
  static final List<String> PUBLIC_WRITES =
      List.of(
          "/api/events/*/registrations",
          "/api/events/*/registrations/*/cancel",
          "/api/events/*/registrations/*/erase");

  static final List<String> PUBLIC_READS =
      List.of(
          "/api/**",
          "/actuator/health",
          "/actuator/health/**",
          "/actuator/info",
          "/actuator/prometheus",
          "/v3/api-docs",
          "/v3/api-docs/**",
          "/api/*/v3/api-docs",
          "/api/*/v3/api-docs/**",
          "/swagger-ui.html",
          "/swagger-ui/**",
          "/webjars/swagger-ui/**");

  static final Set<Role> WRITING_ROLES =
      EnumSet.of(Role.COORDINATOR, Role.PARTNERSHIP_OFFICER, Role.BRANCH_LIBRARIAN);

  private static final PathPattern API = parse("/api/**");
  private static final PathPattern ACTUATOR = parse("/actuator/**");

  private final List<PathPattern> publicReads = parseAll(PUBLIC_READS);
  private final List<PathPattern> publicWrites = parseAll(PUBLIC_WRITES);

  /**
   * @param role the role of the caller's valid token; null for a request without one
   * @return why the request is refused; null when it passes
   */
  Refusal decide(HttpMethod method, PathContainer path, Role role) {
    if (HttpMethod.OPTIONS.equals(method)
        || ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
            && matchesAny(publicReads, path))
        || (HttpMethod.POST.equals(method) && matchesAny(publicWrites, path))) {
      return null;
    }
    if (role == null) {
      return Refusal.NO_TOKEN;
    }
    if (API.matches(path)) {
      return WRITING_ROLES.contains(role) ? null : Refusal.READ_ONLY_ROLE;
    }
    if (ACTUATOR.matches(path)) {
      return role == Role.COORDINATOR ? null : Refusal.COORDINATORS_ONLY;
    }
    return null;
  }

  private static boolean matchesAny(List<PathPattern> patterns, PathContainer path) {
    for (PathPattern pattern : patterns) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }

  private static PathPattern parse(String pattern) {
    return PathPatternParser.defaultInstance.parse(pattern);
  }

  private static List<PathPattern> parseAll(List<String> patterns) {
    return patterns.stream().map(EdgeAccessRules::parse).toList();
  }
}
