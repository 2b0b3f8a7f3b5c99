package org.kitepkana.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which bearer tokens the gateway accepts ({@code kitepkana.security.*}, the same names the
 * services read).
 *
 * @param issuerUri the one trusted issuer ({@code iss}); unset, every token is refused and every
 *     caller is anonymous (reads only)
 * @param jwkSetUri the issuer's signing keys; blank means OpenID discovery from the issuer
 * @param audience a value {@code aud} must contain
 * @param rolesClaim the claim holding the roles; dots reach into nested claims
 * @param branchClaim the claim naming a branch librarian's branch
 * @param clockSkew how far {@code exp} and {@code nbf} may be off
 * @param verifiedTokenTtl how long a token found valid is taken as valid again without checking its
 *     signature and claims anew (never past its {@code exp}); zero checks every request
 * @param verifiedTokenCacheSize how many such tokens are remembered at most
 */
@ConfigurationProperties("kitepkana.security")
public record EdgeSecurityProperties(
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
}
