package org.kitepkana.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which bearer tokens a service trusts ({@code kitepkana.security.*}).
 *
 * @param issuerUri the one issuer whose tokens are accepted ({@code iss} must equal it); without it
 *     the service trusts no token at all and every caller is anonymous
 * @param jwkSetUri where the issuer publishes its signing keys; when blank they are found through
 *     the issuer's OpenID discovery document
 * @param audience a value {@code aud} must contain
 * @param rolesClaim the claim with the caller's roles; a dotted path reaches into nested claims
 *     (Keycloak: {@code realm_access.roles})
 * @param branchClaim the claim naming a branch librarian's branch
 * @param clockSkew how far {@code exp} and {@code nbf} may be off
 * @param verifiedTokenTtl how long a token this service found valid is taken as valid again without
 *     checking its signature and claims anew (never past its {@code exp}); zero checks every
 *     request
 * @param verifiedTokenCacheSize how many such tokens are remembered at most
 */
@ConfigurationProperties("kitepkana.security")
public record TokenProperties(
    String issuerUri,
    String jwkSetUri,
    @DefaultValue("kitepkana") String audience,
    @DefaultValue("roles") String rolesClaim,
    @DefaultValue("branch") String branchClaim,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue("60s") Duration verifiedTokenTtl,
    @DefaultValue("10000") int verifiedTokenCacheSize) {

  public boolean trustsAnIssuer() {
    return issuerUri != null && !issuerUri.isBlank();
  }

  /** The claim names as {@link TokenClaims} reads them. */
  public TokenClaims claims() {
    return new TokenClaims(rolesClaim, branchClaim);
  }
}
