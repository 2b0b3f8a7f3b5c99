package org.kitepkana.platform.security;

/**
 * Thrown by a web adapter when the application said "not allowed" for this actor. The platform
 * answers 403 problem+json to an authenticated caller and 401 problem+json (with {@code
 * WWW-Authenticate: Bearer}) to an anonymous one, the same in every service. The decision itself
 * stays in the application layer; this is only how it reaches HTTP.
 */
public final class AccessRefused extends RuntimeException {

  public AccessRefused(String reason) {
    super(reason);
  }
}
