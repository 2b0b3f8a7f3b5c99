package org.kitepkana.platform.security;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bearer tokens in every service: a request with a token is authenticated by it (signature from the
 * issuer's JWK set, {@code iss}, {@code aud}, {@code exp}/{@code nbf}, a known role) or refused
 * with 401 problem+json; a request without one goes on as {@link Actor#anonymous()}. No URL rule
 * refuses anything here: the application services decide with the {@link Actor} they are given, so
 * branch scope holds whatever sits in front of the service.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(TokenProperties.class)
public class PlatformSecurityAutoConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(PlatformSecurityAutoConfiguration.class);

  /**
   * Where the security filter runs: after the request-size limit, before {@code Idempotency-Key}
   * handling, so a refused token is never stored as a replayable answer.
   */
  public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

  @Bean
  TokenClaims tokenClaims(TokenProperties properties) {
    return properties.claims();
  }

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(TokenProperties properties, TokenClaims claims) {
    if (!properties.trustsAnIssuer()) {
      log.warn(
          "kitepkana.security.issuer-uri is not set: this service trusts no token issuer, every"
              + " bearer token is refused and every caller is anonymous");
      return token -> {
        throw new BadJwtException(
            "this service trusts no token issuer (kitepkana.security.issuer-uri is not set)");
      };
    }
    NimbusJwtDecoder decoder =
        (properties.jwkSetUri() == null || properties.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
                : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()))
            .validateType(false)
            .build();
    JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
    timestamps.setAllowEmptyExpiryClaim(false);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            List.of(
                timestamps,
                new JwtIssuerValidator(properties.issuerUri()),
                new JwtAudienceValidator(properties.audience()),
                new ActorClaimsValidator(claims))));
    if (properties.verifiedTokenTtl().isZero()) {
      return decoder;
    }
    return new VerifiedTokenCache(
        decoder,
        properties.verifiedTokenTtl(),
        properties.verifiedTokenCacheSize(),
        Clock.systemUTC());
  }

  @Bean
  SecurityFilterChain kitepkanaSecurityFilterChain(HttpSecurity http, JwtDecoder decoder)
      throws Exception {
    SecurityProblems.InvalidTokenEntryPoint entryPoint =
        new SecurityProblems.InvalidTokenEntryPoint();
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers.cacheControl(cache -> cache.disable()))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .oauth2ResourceServer(
            oauth -> oauth.jwt(jwt -> jwt.decoder(decoder)).authenticationEntryPoint(entryPoint));
    return http.build();
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
  WebSecurityCustomizer kitepkanaFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
    firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
    firewall.setAllowedParameterNames(HeaderCharacters.NAMES);
    return web -> web.httpFirewall(firewall);
  }

  @Bean
  SecurityProblems securityProblems(TokenClaims claims) {
    return new SecurityProblems(claims);
  }

  /**
   * Controllers may take an {@link Actor} parameter ({@link CurrentActorResolver}), and mark the
   * methods that change the branch in their path ({@link BranchScoped}).
   */
  @Bean
  WebMvcConfigurer actorArgumentResolver(TokenClaims claims) {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentActorResolver(claims));
      }

      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BranchScopeInterceptor(claims));
      }
    };
  }

  /** Moves Spring Security's filter to {@link #FILTER_ORDER}. */
  @Bean
  static BeanPostProcessor securityFilterOrder() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DelegatingFilterProxyRegistrationBean registration
            && "securityFilterChainRegistration".equals(beanName)) {
          registration.setOrder(FILTER_ORDER);
        }
        return bean;
      }
    };
  }
}
