package org.kitepkana.authserver;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts what Kitepkana's resource servers read into every access token: {@code roles} (a JSON
 * array), {@code branch} for a librarian, and {@code aud = kitepkana}. {@code sub} is the client
 * id.
 */
final class KitepkanaClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final String audience;

  KitepkanaClaims(String audience) {
    this.audience = audience;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    RegisteredClient client = context.getRegisteredClient();
    List<String> roles = client.getClientSettings().getSetting(DemoClients.ROLES);
    String branch = client.getClientSettings().getSetting(DemoClients.BRANCH);
    context
        .getClaims()
        .audience(List.of(audience))
        .claim("roles", roles == null ? List.of() : roles);
    if (branch != null) {
      context.getClaims().claim("branch", branch);
    }
  }
}
