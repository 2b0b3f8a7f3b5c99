package org.kitepkana.gateway.routing;

import static org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter.X_FORWARDED_FOR_HEADER;
import static org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter.X_FORWARDED_HOST_HEADER;
import static org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter.X_FORWARDED_PORT_HEADER;
import static org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter.X_FORWARDED_PROTO_HEADER;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.kitepkana.gateway.tracing.TraceContextForwarding;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a request is forwarded to its service with, made in one pass over the client's
 * headers. It does what Spring Cloud Gateway's request header filters and ours did one after the
 * other, each on a fresh copy of every header (four copies per request, the largest single item in
 * the gateway's profile):
 *
 * <ul>
 *   <li>drops the hop-by-hop headers ({@code
 *       spring.cloud.gateway.server.webflux.filter.remove-hop-by-hop.headers}, {@code Forwarded}
 *       among them) and those the {@code Connection} header names, as {@code
 *       RemoveHopByHopHeadersFilter};
 *   <li>writes {@code X-Forwarded-For}, {@code -Proto}, {@code -Port} and {@code -Host}: for a
 *       connection from a trusted proxy ({@code trusted-proxies}) appended to what it sent (of its
 *       {@code X-Forwarded-For}, only entries that are trusted proxies themselves are kept); for
 *       anyone else in place of what the client sent, as {@code XForwardedHeadersFilter};
 *   <li>names the gateway's span in {@code traceparent} ({@link TraceContextForwarding}).
 * </ul>
 *
 * {@code X-Forwarded-Prefix} is never written: routes forward the path unchanged.
 */
final class ForwardedRequestHeaders {

  private static final String X_FORWARDED = "X-Forwarded-";

  private final HopByHopHeaders hopByHop;
  private final TrustedProxies trustedProxies;
  private final TraceContextForwarding traceContext;

  ForwardedRequestHeaders(
      HopByHopHeaders hopByHop,
      TrustedProxies trustedProxies,
      TraceContextForwarding traceContext) {
    this.hopByHop = hopByHop;
    this.trustedProxies = trustedProxies;
    this.traceContext = traceContext;
  }

  /**
   * Writes the headers to forward {@code exchange}'s request with, from the client's headers {@code
   * input}, into {@code forwarded}: the client request's own headers, through an adapter.
   */
  void writeTo(HttpHeaders input, HttpHeaders forwarded, ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    InetSocketAddress remote = request.getRemoteAddress();
    boolean fromTrustedProxy = remote == null || trustedProxies.isTrusted(remote.getHostString());
    Predicate<String> kept = hopByHop.kept(input.getConnection());

    for (Map.Entry<String, List<String>> header : input.headerSet()) {
      String name = header.getKey();
      if (!kept.test(name)
          || (!fromTrustedProxy
              && name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length()))) {
        continue;
      }
      forwarded.addAll(name, header.getValue());
    }
    URI uri = request.getURI();
    String proto = uri.getScheme();
    String remoteAddress =
        remote != null && remote.getAddress() != null ? remote.getHostString() : null;
    append(
        forwarded,
        X_FORWARDED_FOR_HEADER,
        remoteAddress,
        fromTrustedProxy ? trustedProxies::isTrusted : value -> true);
    append(forwarded, X_FORWARDED_PROTO_HEADER, proto, value -> true);
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(proto) ? 443 : 80;
    append(forwarded, X_FORWARDED_PORT_HEADER, Integer.toString(port), value -> true);
    append(forwarded, X_FORWARDED_HOST_HEADER, host(uri), value -> true);
    traceContext.writeTo(forwarded, exchange);
  }

  /**
   * Adds {@code value} and joins what there is with commas, keeping the entries {@code keep}
   * accepts (Spring Cloud Gateway's rule). Usually there is nothing before it: then it is set as it
   * is, without a join.
   */
  private static void append(
      HttpHeaders headers, String name, String value, Predicate<String> keep) {
    List<String> earlier = headers.get(name);
    if (earlier == null) {
      if (value != null) {
        headers.set(name, keep.test(value) ? value : "");
      }
      return;
    }
    List<String> values = new ArrayList<>(earlier);
    if (value != null) {
      values.add(value);
    }
    headers.set(name, String.join(",", values.stream().filter(keep).toList()));
  }

  /** The Host the client asked for: host, and port unless it is the scheme's default. */
  private static String host(URI uri) {
    int port = uri.getPort();
    String scheme = uri.getScheme();
    if (port < 0
        || (port == 80 && "http".equals(scheme))
        || (port == 443 && "https".equals(scheme))) {
      return uri.getHost();
    }
    return uri.getHost() + ":" + port;
  }
}
