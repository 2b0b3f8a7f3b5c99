package org.kitepkana.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.kitepkana.platform.security.HeaderCharacters;
import org.kitepkana.platform.security.TokenClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens at the edge ({@link EdgeGuard}). Every token is checked as the services check it
 * (signature from the issuer's JWK set, {@code iss}, {@code aud}, {@code exp}/{@code nbf}, a usable
 * role); a bad one is refused here with 401 problem+json and never forwarded. The rules are coarse
 * on purpose ({@link EdgeAccessRules}), defence in depth in front of the services, which decide for
 * themselves (branch scope included).
 */
@Configuration(proxyBeanMethods = false)
public class EdgeSecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EdgeSecurityConfiguration.class);

  @Bean
  EdgeGuard edgeGuard(EdgeSecurityProperties properties, MeterRegistry meters) {
    return new EdgeGuard(edgeFirewall(), edgeTokens(properties), meters);
  }

  /**
   * Spring Security's strict firewall, unchanged in what it refuses, with header and parameter
   * names and values checked by {@link HeaderCharacters} rather than by a regex on every read.
   */
  private static StrictServerWebExchangeFirewall edgeFirewall() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
    firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
    firewall.setAllowedParameterNames(HeaderCharacters.NAMES);
    return firewall;
  }

  private static EdgeTokens edgeTokens(EdgeSecurityProperties properties) {
    return new EdgeTokens(
        decoder(properties),
        tokenClaims(properties),
        properties.verifiedTokenTtl(),
        properties.verifiedTokenCacheSize(),
        Clock.systemUTC());
  }

  private static ReactiveJwtDecoder decoder(EdgeSecurityProperties properties) {
    if (!properties.trustsAnIssuer()) {
      log.warn(
          "kitepkana.security.issuer-uri is not set: the gateway trusts no token issuer, every"
              + " bearer token is refused and only public reads and registrations pass");
      return token ->
          Mono.error(
              new BadJwtException(
                  "the gateway trusts no token issuer (kitepkana.security.issuer-uri is not set)"));
    }
    NimbusReactiveJwtDecoder decoder =
        properties.jwkSetUri() == null || properties.jwkSetUri().isBlank()
            ? NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build()
            : NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
    JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
    timestamps.setAllowEmptyExpiryClaim(false);
    TokenClaims claims = tokenClaims(properties);
    OAuth2TokenValidator<Jwt> usableRole =
        jwt ->
            claims.read(jwt.getClaims()) instanceof TokenClaims.Unusable unusable
                ? OAuth2TokenValidatorResult.failure(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, unusable.reason(), null))
                : OAuth2TokenValidatorResult.success();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            List.of(
                timestamps,
                new JwtIssuerValidator(properties.issuerUri()),
                new JwtAudienceValidator(properties.audience()),
                usableRole)));
    return decoder;
  }

  /** Reads a token's role as every service does: the strongest role, a librarian's branch. */
  private static TokenClaims tokenClaims(EdgeSecurityProperties properties) {
    return new TokenClaims(properties.rolesClaim(), properties.branchClaim());
  }
}
