package org.kitepkana.authserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The demo clients, one per role and one per demo branch: {@code coordinator}, {@code
 * partnership-officer}, {@code subscriber} and {@code librarian-<branchId>}. Each holds the roles
 * (and branch) its tokens carry, read by {@link KitepkanaClaims}.
 */
public final class DemoClients {

  /** Client setting: the {@code roles} claim of the client's tokens. */
  public static final String ROLES = "kitepkana.roles";

  /** Client setting: the {@code branch} claim of a librarian client's tokens. */
  public static final String BRANCH = "kitepkana.branch";

  private static final Pattern BRANCH_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

  private DemoClients() {}

  public static List<RegisteredClient> of(
      AuthServerProperties properties, PasswordEncoder encoder) {
    // Encoded once per client: each gets its own salt (the repository refuses equal encodings).
    String secret = properties.clientSecret();
    Duration ttl = properties.tokenTimeToLive();
    List<RegisteredClient> clients = new ArrayList<>();
    clients.add(client("coordinator", encoder.encode(secret), ttl, List.of("coordinator"), null));
    clients.add(
        client(
            "partnership-officer",
            encoder.encode(secret),
            ttl,
            List.of("partnership_officer"),
            null));
    clients.add(client("subscriber", encoder.encode(secret), ttl, List.of("subscriber"), null));
    for (String branch : properties.librarianBranches()) {
      if (!BRANCH_ID.matcher(branch).matches()) {
        throw new IllegalArgumentException("not a branch id: " + branch);
      }
      clients.add(
          client(
              "librarian-" + branch,
              encoder.encode(secret),
              ttl,
              List.of("branch_librarian"),
              branch));
    }
    return clients;
  }

  private static RegisteredClient client(
      String id, String secret, Duration ttl, List<String> roles, String branch) {
    ClientSettings.Builder settings = ClientSettings.builder().setting(ROLES, roles);
    if (branch != null) {
      settings.setting(BRANCH, branch);
    }
    return RegisteredClient.withId(UUID.nameUUIDFromBytes(id.getBytes()).toString())
        .clientId(id)
        .clientName(id)
        .clientSecret(secret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .clientSettings(settings.build())
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl).build())
        .build();
  }
}
