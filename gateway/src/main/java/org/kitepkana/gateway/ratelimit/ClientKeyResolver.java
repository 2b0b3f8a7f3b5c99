package org.kitepkana.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Says whose bucket a request draws from.
 *
 * <ul>
 *   <li>An authenticated JWT ({@link JwtAuthenticationToken}): the client is its {@code sub}; the
 *       role is the one among its roles claim ({@code kitepkana.security.roles-claim}, default
 *       {@code roles}) with the most generous configured limit (a token with none of the configured
 *       roles counts as {@code authenticated}).
 *   <li>Anything else authenticated: the principal's name, role {@code authenticated}.
 *   <li>No principal, or an anonymous one: the client address, role {@code anonymous}. When the
 *       connection comes from a trusted proxy (the gateway's {@code trusted-proxies}), the address
 *       is the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy.
 * </ul>
 */
public final class ClientKeyResolver {

  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  private final RateLimitProperties properties;
  private final Pattern trustedProxies;
  private final String rolesClaim;

  /**
   * @param trustedProxies regular expression of proxy addresses whose {@code X-Forwarded-For} is
   *     believed; {@code null} or blank: none
   */
  public ClientKeyResolver(RateLimitProperties properties, String trustedProxies) {
    this(properties, trustedProxies, "roles");
  }

  /**
   * @param rolesClaim the claim with the token's roles ({@code kitepkana.security.roles-claim}); a
   *     dotted name reaches into nested claims ({@code realm_access.roles})
   */
  public ClientKeyResolver(
      RateLimitProperties properties, String trustedProxies, String rolesClaim) {
    this.properties = properties;
    this.rolesClaim = rolesClaim;
    this.trustedProxies =
        trustedProxies == null || trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
  }

  public Mono<ClientKey> resolve(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .flatMap(principal -> Mono.justOrEmpty(ofPrincipal(principal)))
        .switchIfEmpty(
            Mono.fromSupplier(
                () ->
                    new ClientKey(
                        "addr:" + clientAddress(exchange.getRequest()),
                        RateLimitProperties.ANONYMOUS)));
  }

  /** The key of an authenticated principal; empty for an anonymous one. */
  Optional<ClientKey> ofPrincipal(Principal principal) {
    if (principal instanceof Authentication authentication
        && (!authentication.isAuthenticated() || TRUST.isAnonymous(authentication))) {
      return Optional.empty();
    }
    if (principal instanceof JwtAuthenticationToken token) {
      Jwt jwt = token.getToken();
      String subject = jwt.getSubject() != null ? jwt.getSubject() : token.getName();
      return Optional.of(new ClientKey("sub:" + subject, roleOf(claim(jwt, rolesClaim))));
    }
    if (principal.getName() == null || principal.getName().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new ClientKey("sub:" + principal.getName(), RateLimitProperties.AUTHENTICATED));
  }

  private static Object claim(Jwt jwt, String name) {
    Object value = jwt.getClaims().get(name);
    if (value != null || !name.contains(".")) {
      return value;
    }
    Object node = jwt.getClaims();
    for (String part : name.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(part);
    }
    return node;
  }

  /** The configured role with the highest rate among the claim's roles. */
  String roleOf(Object rolesClaim) {
    List<String> roles;
    if (rolesClaim instanceof Collection<?> collection) {
      roles = collection.stream().map(String::valueOf).toList();
    } else if (rolesClaim instanceof String single) {
      roles = List.of(single.split("[ ,]+"));
    } else {
      roles = List.of();
    }
    String best = RateLimitProperties.AUTHENTICATED;
    double bestRate = -1;
    for (String raw : roles) {
      if (raw.isBlank()) {
        continue;
      }
      String role = RateLimitProperties.normalize(raw);
      RateLimit limit = properties.roles().get(role);
      if (limit != null
          && !role.equals(RateLimitProperties.ANONYMOUS)
          && limit.requestsPerSecond() > bestRate) {
        best = role;
        bestRate = limit.requestsPerSecond();
      }
    }
    return best;
  }

  /** The connection's peer, or the client a trusted proxy forwarded for. */
  String clientAddress(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    String peer =
        remote == null
            ? "unknown"
            : remote.getAddress() != null
                ? remote.getAddress().getHostAddress()
                : remote.getHostString();
    if (!isTrusted(peer)) {
      return peer;
    }
    List<String> forwarded =
        request.getHeaders().getValuesAsList("X-Forwarded-For").stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    String client = peer;
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      client = forwarded.get(i);
      if (!isTrusted(client)) {
        break;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    return trustedProxies != null && trustedProxies.matcher(address).matches();
  }
}
