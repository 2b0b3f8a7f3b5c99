package org.kitepkana.gateway.ratelimit;

import java.util.Objects;

/**
 * Whose bucket a request draws from.
 *
 * @param id the client: {@code sub:<jwt subject>} for an authenticated caller, {@code
 *     addr:<address>} for an anonymous one
 * @param role the rate-limit role whose limit applies (a key of {@code
 *     kitepkana.gateway.rate-limits.roles}, e.g. {@code coordinator} or {@code anonymous})
 */
public record ClientKey(String id, String role) {

  public ClientKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }
}
