package org.kitepkana.authserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The issuer's settings ({@code kitepkana.auth.*}); devstack sets them all.
 *
 * @param issuer the issuer URI written into every token ({@code iss}), e.g. {@code
 *     http://127.0.0.1:9000}
 * @param clientSecret the secret of every demo client (demo only: devstack's default is documented,
 *     so anyone on the machine can have any role)
 * @param librarianBranches the branches that get a {@code librarian-<branchId>} client
 * @param keyFile where the RSA signing key is kept, so tokens survive a restart of the issuer;
 *     blank keeps a fresh key in memory only
 * @param audience the {@code aud} of every token
 * @param tokenTimeToLive how long an access token lives
 */
@ConfigurationProperties("kitepkana.auth")
public record AuthServerProperties(
    String issuer,
    String clientSecret,
    @DefaultValue List<String> librarianBranches,
    Path keyFile,
    @DefaultValue("kitepkana") String audience,
    @DefaultValue("1h") Duration tokenTimeToLive) {

  public AuthServerProperties {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("kitepkana.auth.issuer must be set");
    }
    if (clientSecret == null || clientSecret.length() < 8) {
      throw new IllegalArgumentException(
          "kitepkana.auth.client-secret must be set (at least 8 characters)");
    }
    librarianBranches = List.copyOf(librarianBranches);
  }
}
