package org.kitepkana.platform.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses (401) a correctly signed token that cannot act in Kitepkana: no known role, or a branch
 * librarian without a branch.
 */
final class ActorClaimsValidator implements OAuth2TokenValidator<Jwt> {

  private final TokenClaims claims;

  ActorClaimsValidator(TokenClaims claims) {
    this.claims = claims;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    TokenClaims.Reading reading = claims.read(token.getClaims());
    if (reading instanceof TokenClaims.Unusable unusable) {
      return OAuth2TokenValidatorResult.failure(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, unusable.reason(), null));
    }
    return OAuth2TokenValidatorResult.success();
  }
}
