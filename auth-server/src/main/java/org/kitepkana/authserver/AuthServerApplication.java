package org.kitepkana.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The devstack token issuer: an OAuth2 authorization server that gives demo clients (one per role
 * and per demo branch) access tokens by {@code client_credentials}. Not for production: there the
 * services trust a real OIDC provider (docs/security.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

  public static void main(String[] args) {
    SpringApplication.run(AuthServerApplication.class, args);
  }
}
