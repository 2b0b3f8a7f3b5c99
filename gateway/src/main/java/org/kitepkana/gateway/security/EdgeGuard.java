package org.kitepkana.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The edge's security, in one web filter, for every request:
 *
 * <ol>
 *   <li>Spring Security's strict firewall ({@link ServerWebExchangeFirewall}): a request it refuses
 *       gets 400 problem+json; the rest of the chain sees the firewalled exchange, whose header
 *       reads the firewall checks;
 *   <li>the bearer token, if any ({@link BearerTokens}): checked in full the first time ({@link
 *       EdgeTokens}: signature from the issuer's JWK set, {@code iss}, {@code aud}, {@code
 *       exp}/{@code nbf}, a usable role), then remembered for a short while. A bad token is refused
 *       with 401 problem+json whatever the request, and never forwarded;
 *   <li>the coarse rules of {@link EdgeAccessRules}: 401 for a request that needs a token and has
 *       none, 403 for a role that may not do it at all;
 *   <li>the security headers Spring Security wrote by default ({@code X-Content-Type-Options},
 *       {@code X-Frame-Options}, {@code X-XSS-Protection}, {@code Referrer-Policy}, and {@code
 *       Strict-Transport-Security} for an https request), each only where the response has none
 *       (the services send their own).
 * </ol>
 *
 * Each refusal counts in {@value #REFUSALS} (tags {@code reason}, {@code status}): these answers
 * come before any route, so the routes' metrics never see them.
 *
 * <p>A request let through carries its {@link EdgeCaller} (for the rate limits) and reaches the
 * service with its {@code Authorization} header unchanged: the services decide everything else,
 * branch scope included, and check the token themselves.
 *
 * <p>This filter replaced Spring Security's {@code SecurityWebFilterChain} at the edge: the same
 * decisions, with the same answers (EdgeSecurityIT, AuthorizationMatrixIT in system-tests), for a
 * fraction of the per-request work (docs/architecture.md, "The gateway's security").
 */
public final class EdgeGuard implements WebFilter, Ordered {

  /** Where Spring Security's filter chain stood: after CORS and the request-size limit. */
  public static final int ORDER = -100;

  /** Counter of the requests the edge answered itself, tagged {@code reason} and {@code status}. */
  public static final String REFUSALS = "kitepkana.gateway.edge.refusals";

  /** Why the edge refused a request, and with which status. */
  enum Refusal {
    FIREWALL(400),
    NO_TOKEN(401),
    INVALID_TOKEN(401),
    READ_ONLY_ROLE(403),
    COORDINATORS_ONLY(403),
    ISSUER_UNAVAILABLE(503);

    final int status;

    Refusal(int status) {
      this.status = status;
    }

    String tag() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private static final String[][] SECURITY_HEADERS = {
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"X-XSS-Protection", "0"},
    {"Referrer-Policy", "no-referrer"}
  };

  /** Spring Security's default, on answers to https requests only (TLS ends before the edge). */
  private static final String[] STRICT_TRANSPORT_SECURITY = {
    "Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"
  };

  private final ServerWebExchangeFirewall firewall;
  private final EdgeTokens tokens;
  private final EdgeAccessRules rules = new EdgeAccessRules();
  private final EdgeProblems problems = new EdgeProblems();
  private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);

  EdgeGuard(ServerWebExchangeFirewall firewall, EdgeTokens tokens, MeterRegistry meters) {
    this.firewall = firewall;
    this.tokens = tokens;
    for (Refusal refusal : Refusal.values()) {
      refusals.put(
          refusal,
          Counter.builder(REFUSALS)
              .description(
                  "Requests the edge answered itself and never forwarded: firewall, token and"
                      + " role refusals")
              .tag("reason", refusal.tag())
              .tag("status", Integer.toString(refusal.status))
              .register(meters));
    }
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpResponse response = exchange.getResponse();
    boolean https = "https".equals(exchange.getRequest().getURI().getScheme());
    response.beforeCommit(
        () -> {
          writeSecurityHeaders(response.getHeaders(), https);
          return Mono.empty();
        });
    // As Spring Security's WebFilterChainProxy: the firewall checks a header or query parameter
    // when something reads it, so a refusal may come from any filter downstream, not only from
    // the checks made up front.
    return firewall
        .getFirewalledExchange(exchange)
        .flatMap(checked -> admit(checked, chain))
        .onErrorResume(
            ServerExchangeRejectedException.class,
            rejected ->
                response.isCommitted()
                    ? Mono.error(rejected)
                    : count(Refusal.FIREWALL, problems.rejected(exchange, rejected.getMessage())));
  }

  private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain) {
    String token;
    try {
      token = BearerTokens.tokenOf(exchange.getRequest().getHeaders().getFirst("Authorization"));
    } catch (OAuth2AuthenticationException malformed) {
      return count(
          Refusal.INVALID_TOKEN,
          problems.invalidToken(exchange, malformed.getError().getDescription()));
    }
    if (token == null) {
      return decide(exchange, chain, null);
    }
    EdgeCaller remembered = tokens.remembered(token);
    if (remembered != null) {
      return decide(exchange, chain, remembered);
    }
    return tokens
        .verify(token)
        .onErrorResume(JwtException.class, refused -> refuse(exchange, refused).then(Mono.empty()))
        .flatMap(caller -> decide(exchange, chain, caller));
  }

  private Mono<Void> refuse(ServerWebExchange exchange, JwtException refused) {
    if (refused instanceof BadJwtException) {
      return count(Refusal.INVALID_TOKEN, problems.invalidToken(exchange, refused.getMessage()));
    }
    // Not the token's fault: the issuer's keys could not be fetched or read.
    return count(
        Refusal.ISSUER_UNAVAILABLE, problems.issuerUnavailable(exchange, refused.getMessage()));
  }

  private Mono<Void> decide(ServerWebExchange exchange, WebFilterChain chain, EdgeCaller caller) {
    ServerHttpRequest request = exchange.getRequest();
    Refusal refusal =
        rules.decide(
            request.getMethod(),
            request.getPath().pathWithinApplication(),
            caller == null ? null : caller.role());
    if (refusal == null) {
      if (caller != null) {
        caller.mark(exchange);
      }
      return chain.filter(exchange);
    }
    return count(
        refusal,
        switch (refusal) {
          case NO_TOKEN -> problems.signIn(exchange);
          case READ_ONLY_ROLE ->
              problems.forbidden(
                  exchange,
                  "Your role may not change anything here: subscribers read and stream only.");
          case COORDINATORS_ONLY ->
              problems.forbidden(exchange, "Only a coordinator may use this endpoint.");
          default -> throw new IllegalStateException("not a rule's refusal: " + refusal);
        });
  }

  private Mono<Void> count(Refusal refusal, Mono<Void> answer) {
    refusals.get(refusal).increment();
    return answer;
  }

  private static void writeSecurityHeaders(HttpHeaders headers, boolean https) {
    for (String[] header : SECURITY_HEADERS) {
      if (!headers.containsHeader(header[0])) {
        headers.set(header[0], header[1]);
      }
    }
    if (https && !headers.containsHeader(STRICT_TRANSPORT_SECURITY[0])) {
      headers.set(STRICT_TRANSPORT_SECURITY[0], STRICT_TRANSPORT_SECURITY[1]);
    }
  }

  /**
   * A constant name for Spring Web's per-request checkpoint (TraceIdResponseHeaderFilter#toString).
   */
  @Override
  public String toString() {
    return "EdgeGuard";
  }
}
