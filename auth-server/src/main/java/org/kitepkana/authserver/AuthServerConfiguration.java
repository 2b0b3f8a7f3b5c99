package org.kitepkana.authserver;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The authorization server's endpoints ({@code /oauth2/token}, {@code /oauth2/jwks}, OpenID
 * discovery) for the demo clients, and nothing else but health.
 */
@Configuration(proxyBeanMethods = false)
class AuthServerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AuthServerConfiguration.class);

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(
            server -> {
              http.securityMatcher(server.getEndpointsMatcher());
              server.oidc(Customizer.withDefaults());
            })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  RegisteredClientRepository registeredClients(
      AuthServerProperties properties, PasswordEncoder encoder) {
    List<RegisteredClient> clients = DemoClients.of(properties, encoder);
    log.info(
        "Issuer {} with demo clients {}",
        properties.issuer(),
        clients.stream().map(RegisteredClient::getClientId).toList());
    return new InMemoryRegisteredClientRepository(clients);
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(AuthServerProperties properties) {
    return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.keyFile())));
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> kitepkanaClaims(AuthServerProperties properties) {
    return new KitepkanaClaims(properties.audience());
  }
}
