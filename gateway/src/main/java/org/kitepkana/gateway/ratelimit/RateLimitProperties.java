package org.kitepkana.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limits ({@code kitepkana.gateway.rate-limits}).
 *
 * @param enabled whether the gateway limits at all
 * @param maxClients most buckets kept; past it, idle buckets are dropped and, if that is not
 *     enough, new clients share one bucket per role until there is room again
 * @param sweepInterval how often buckets that have refilled completely are dropped
 * @param roles the limit of each role, keyed by role in kebab case ({@code coordinator}, {@code
 *     branch-librarian}, {@code partnership-officer}, {@code subscriber}); {@code anonymous} for
 *     callers without a token and {@code authenticated} for a token without any of these roles
 */
@ConfigurationProperties("kitepkana.gateway.rate-limits")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("100000") int maxClients,
    @DefaultValue("1m") Duration sweepInterval,
    Map<String, RateLimit> roles) {

  /** Callers without a (valid) token. */
  public static final String ANONYMOUS = "anonymous";

  /** Callers with a token that carries none of the configured roles. */
  public static final String AUTHENTICATED = "authenticated";

  public RateLimitProperties {
    if (maxClients < 1) {
      throw new IllegalArgumentException("max-clients must be at least 1");
    }
    if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException("sweep-interval must be positive");
    }
    Map<String, RateLimit> normalized = new LinkedHashMap<>();
    if (roles != null) {
      roles.forEach((role, limit) -> normalized.put(normalize(role), limit));
    }
    if (!normalized.containsKey(ANONYMOUS)) {
      throw new IllegalArgumentException("kitepkana.gateway.rate-limits.roles.anonymous is needed");
    }
    normalized.putIfAbsent(AUTHENTICATED, normalized.get(ANONYMOUS));
    roles = Map.copyOf(normalized);
  }

  /** The limit of a role; roles without one get the {@code authenticated} limit. */
  public RateLimit limitOf(String role) {
    return roles.getOrDefault(role, roles.get(AUTHENTICATED));
  }

  /**
   * A role as a key of {@link #roles()}: lower case, with dashes ({@code BRANCH_LIBRARIAN} and
   * {@code branch_librarian} become {@code branch-librarian}), because Spring's binder drops
   * underscores from map keys.
   */
  public static String normalize(String role) {
    return role.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
