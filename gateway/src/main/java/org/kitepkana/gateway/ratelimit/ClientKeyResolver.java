package org.kitepkana.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kitepkana.gateway.security.EdgeCaller;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

/**
 * Says whose bucket a request draws from.
 *
 * <ul>
 *   <li>A request the edge let through with a valid token ({@link EdgeCaller}): the client is the
 *       token's {@code sub}; the role is the one among its roles claim ({@code
 *       kitepkana.security.roles-claim}, default {@code roles}) with the most generous configured
 *       limit (a token with none of the configured roles counts as {@code authenticated}).
 *   <li>Without a token: the client address, role {@code anonymous}. When the connection comes from
 *       a trusted proxy (the gateway's {@code trusted-proxies}), the address is the right-most
 *       {@code X-Forwarded-For} entry that is not itself a trusted proxy.
 * </ul>
 *
 * A token without {@code sub} is keyed by the client address, with the token's role.
 */
public final class ClientKeyResolver {

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

  public ClientKey resolve(ServerWebExchange exchange) {
    EdgeCaller caller = EdgeCaller.of(exchange);
    if (caller == null) {
      return new ClientKey(
          "addr:" + clientAddress(exchange.getRequest()), RateLimitProperties.ANONYMOUS);
    }
    String role = roleOf(claim(caller.token(), rolesClaim));
    return caller.subject() != null
        ? new ClientKey("sub:" + caller.subject(), role)
        : new ClientKey("addr:" + clientAddress(exchange.getRequest()), role);
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
    Iterable<?> roles;
    if (rolesClaim instanceof Collection<?> collection) {
      roles = collection;
    } else if (rolesClaim instanceof String single) {
      roles = List.of(single.split("[ ,]+"));
    } else {
      roles = List.of();
    }
    String best = RateLimitProperties.AUTHENTICATED;
    double bestRate = -1;
    for (Object claimed : roles) {
      String raw = String.valueOf(claimed);
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
