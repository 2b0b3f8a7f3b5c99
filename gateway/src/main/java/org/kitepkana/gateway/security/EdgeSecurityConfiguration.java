package org.kitepkana.gateway.security;

import java.time.Clock;
import java.util.List;
import org.kitepkana.platform.security.HeaderCharacters;
import org.kitepkana.platform.security.TokenClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens at the edge. Every token is checked as the services check it (signature from the
 * issuer's JWK set, {@code iss}, {@code aud}, {@code exp}/{@code nbf}, a usable role); a bad one is
 * refused here with 401 problem+json and never forwarded. The rules are coarse on purpose, defence
 * in depth in front of the services, which decide for themselves (branch scope included):
 *
 * <ul>
 *   <li>anyone reads: {@code GET}/{@code HEAD} under {@code /api/**}, health, info and Prometheus
 *       metrics, the OpenAPI documents and Swagger UI;
 *   <li>anyone registers for a library event, and cancels or erases their own registration (the
 *       registration's token decides in events-service);
 *   <li>every other write needs a token (401 without) whose role writes at all (403 for a
 *       subscriber);
 *   <li>the other actuator endpoints (routes, circuit breakers) need a coordinator.
 * </ul>
 *
 * The {@code Authorization} header is forwarded to the service unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class EdgeSecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EdgeSecurityConfiguration.class);

  /** The writes the public may make: the registration token decides in events-service. */
  static final String[] PUBLIC_WRITES = {
    "/api/events/*/registrations",
    "/api/events/*/registrations/*/cancel",
    "/api/events/*/registrations/*/erase"
  };

  static final String[] PUBLIC_READS = {
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
    "/webjars/swagger-ui/**"
  };

  static final String[] WRITING_ROLES = {"COORDINATOR", "PARTNERSHIP_OFFICER", "BRANCH_LIBRARIAN"};

  @Bean
  ReactiveJwtDecoder reactiveJwtDecoder(EdgeSecurityProperties properties) {
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
    if (properties.verifiedTokenTtl().isZero()) {
      return decoder;
    }
    return new VerifiedTokenCache(
        decoder,
        properties.verifiedTokenTtl(),
        properties.verifiedTokenCacheSize(),
        Clock.systemUTC());
  }

  /**
   * No Spring Security observations: they wrapped every filter of the chain in a span and a timer
   * on every request (and the property {@code management.observations.enable.spring.security=false}
   * only silences them; the wrapping still runs). The request's own observation remains.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Spring Security's strict firewall, unchanged in what it refuses, with header and parameter
   * names and values checked by {@link HeaderCharacters} rather than by a regex on every read.
   */
  @Bean
  ServerWebExchangeFirewall edgeFirewall() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
    firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
    firewall.setAllowedParameterNames(HeaderCharacters.NAMES);
    return firewall;
  }

  /** Reads a token's role as every service does: the strongest role, a librarian's branch. */
  private static TokenClaims tokenClaims(EdgeSecurityProperties properties) {
    return new TokenClaims(properties.rolesClaim(), properties.branchClaim());
  }

  @Bean
  SecurityWebFilterChain edgeSecurity(
      ServerHttpSecurity http, ReactiveJwtDecoder decoder, EdgeSecurityProperties properties) {
    TokenClaims claims = tokenClaims(properties);
    JwtAuthenticationConverter authorities = new JwtAuthenticationConverter();
    authorities.setJwtGrantedAuthoritiesConverter(
        jwt ->
            claims.read(jwt.getClaims()) instanceof TokenClaims.Known known
                ? List.of(new SimpleGrantedAuthority("ROLE_" + known.actor().role().name()))
                : List.of());
    EdgeProblems problems = new EdgeProblems();
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        // Stateless: every request carries its token; no WebSession is created or looked up.
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .headers(headers -> headers.cache(cache -> cache.disable()))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .bearerTokenConverter(new BearerTokenConverter())
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(
                                    new ReactiveJwtAuthenticationConverterAdapter(authorities)))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(HttpMethod.OPTIONS)
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, PUBLIC_READS)
                    .permitAll()
                    .pathMatchers(HttpMethod.HEAD, PUBLIC_READS)
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, PUBLIC_WRITES)
                    .permitAll()
                    .pathMatchers("/api/**")
                    .hasAnyRole(WRITING_ROLES)
                    .pathMatchers("/actuator/**")
                    .hasRole("COORDINATOR")
                    .anyExchange()
                    .authenticated())
        .build();
  }
}
