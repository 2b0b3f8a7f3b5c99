package org.kitepkana.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens found valid a moment ago, so a client calling many times with one token pays for
 * the signature check and the claim checks once, not on every request. The gateway and every
 * service keep one each, in front of their own full check: nothing here trusts another process.
 *
 * <p>The key is the whole token, signature included, so only the very token that was checked is
 * found again. An entry lasts {@code maxAge} at most and never past the token's {@code exp}; after
 * that the caller checks the token again (against the issuer's current keys). Callers remember only
 * tokens they accepted. At most {@code maxEntries} tokens are kept: when full, lapsed entries are
 * dropped, and if that frees nothing, all of them (the next calls simply check again).
 *
 * @param <T> what a check produced (a decoded token)
 */
public final class VerifiedTokens<T> {

  private final Duration maxAge;
  private final int maxEntries;
  private final Clock clock;
  private final ConcurrentHashMap<String, Verified<T>> verified = new ConcurrentHashMap<>();

  private record Verified<T>(T token, Instant until) {}

  public VerifiedTokens(Duration maxAge, int maxEntries, Clock clock) {
    if (maxAge.isNegative() || maxAge.isZero() || maxEntries < 1) {
      throw new IllegalArgumentException("a token cache needs a positive max age and size");
    }
    this.maxAge = maxAge;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** What the check of exactly this token produced, if it is still remembered; else null. */
  public T find(String token) {
    Verified<T> known = verified.get(token);
    if (known == null) {
      return null;
    }
    if (clock.instant().isBefore(known.until())) {
      return known.token();
    }
    verified.remove(token, known);
    return null;
  }

  /**
   * Remembers a token the caller has just checked and accepted, until {@code maxAge} from now or
   * its {@code expiresAt} (null: no expiry claim), whichever comes first.
   */
  public void remember(String token, T checked, Instant expiresAt) {
    Instant now = clock.instant();
    Instant until = now.plus(maxAge);
    if (expiresAt != null && expiresAt.isBefore(until)) {
      until = expiresAt;
    }
    if (!now.isBefore(until)) {
      return;
    }
    if (verified.size() >= maxEntries) {
      verified.values().removeIf(entry -> !now.isBefore(entry.until()));
      if (verified.size() >= maxEntries) {
        verified.clear();
      }
    }
    verified.put(token, new Verified<>(checked, until));
  }

  /** How many tokens are remembered now. */
  public int size() {
    return verified.size();
  }
}
