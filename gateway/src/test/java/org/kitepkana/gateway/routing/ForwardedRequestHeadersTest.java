package org.kitepkana.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.propagation.Propagator;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kitepkana.gateway.tracing.TraceContextForwarding;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ForwardedRequestHeadersTest {

  private static final String TRUSTED = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1";

  /** The gateway's hop-by-hop list (application.yml): Spring Cloud Gateway's, and Forwarded. */
  static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "proxy-authorization",
          "proxy-authenticate",
          "x-application-context",
          "upgrade",
          "forwarded");

  private final ForwardedRequestHeaders headers =
      new ForwardedRequestHeaders(
          new HopByHopHeaders(HOP_BY_HOP),
          TrustedProxies.from(TRUSTED),
          new TraceContextForwarding(Propagator.NOOP));

  @Test
  void fromATrustedProxyKeepsEndToEndHeadersAndExtendsItsForwardedHeaders() {
    MockServerWebExchange exchange =
        exchange(
            "127.0.0.1",
            MockServerHttpRequest.get("http://gateway.local:8080/api/catalog/records/1")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer abc")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "kitepkana.kg")
                .header("X-Forwarded-For", "127.0.0.1")
                .header("Connection", "keep-alive, X-Secret")
                .header("X-Secret", "hop")
                .header("Keep-Alive", "timeout=5")
                .header("Forwarded", "for=203.0.113.9"));

    HttpHeaders out = forwarded(exchange);

    assertThat(out.getFirst("Accept")).isEqualTo("application/json");
    assertThat(out.getFirst("Authorization")).isEqualTo("Bearer abc");
    assertThat(out.getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1,127.0.0.1");
    assertThat(out.getFirst("X-Forwarded-Proto")).isEqualTo("https,http");
    assertThat(out.getFirst("X-Forwarded-Host")).isEqualTo("kitepkana.kg,gateway.local:8080");
    assertThat(out.getFirst("X-Forwarded-Port")).isEqualTo("8080");
    assertThat(out.headerNames())
        .noneMatch(
            name ->
                Set.of("connection", "x-secret", "keep-alive", "forwarded")
                    .contains(name.toLowerCase()));
  }

  @Test
  void fromAnyoneElseReplacesWhatTheClientSaidAboutWhereItCameFrom() {
    MockServerWebExchange exchange =
        exchange(
            "203.0.113.5",
            MockServerHttpRequest.get("http://gateway.local/api/catalog/records/1")
                .header("Accept", "application/json")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Prefix", "/admin"));

    HttpHeaders out = forwarded(exchange);

    assertThat(out.getFirst("Accept")).isEqualTo("application/json");
    assertThat(out.getFirst("X-Forwarded-For")).isEqualTo("203.0.113.5");
    assertThat(out.getFirst("X-Forwarded-Host")).isEqualTo("gateway.local");
    assertThat(out.getFirst("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(out.getFirst("X-Forwarded-Prefix")).isNull();
  }

  @Test
  void keepsOnlyForwardedForEntriesThatAreTrustedProxies() {
    MockServerWebExchange exchange =
        exchange(
            "127.0.0.1",
            MockServerHttpRequest.get("http://gateway.local/api/events")
                .header("X-Forwarded-For", "203.0.113.9"));

    HttpHeaders out = forwarded(exchange);

    assertThat(out.getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(out.getFirst("X-Forwarded-Port")).isEqualTo("80");
    assertThat(out.getFirst("X-Forwarded-Host")).isEqualTo("gateway.local");
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("127.0.0.1", List.of()),
        Arguments.of(
            "127.0.0.1", List.of("X-Forwarded-For", "127.0.0.1", "X-Forwarded-Proto", "https")),
        Arguments.of("127.0.0.1", List.of("X-Forwarded-For", "198.51.100.7, 127.0.0.1")),
        Arguments.of("127.0.0.1", List.of("Connection", "close, X-A", "X-A", "1", "X-B", "2")),
        Arguments.of("192.0.2.44", List.of("X-Forwarded-For", "127.0.0.1", "X-Request-Id", "r-1")),
        Arguments.of("192.0.2.44", List.of("Forwarded", "for=1.2.3.4", "TE", "trailers")),
        Arguments.of("0:0:0:0:0:0:0:1", List.of("X-Forwarded-Port", "443", "Upgrade", "h2c")),
        Arguments.of("127.0.0.1", List.of("Transfer-Encoding", "chunked", "Content-Length", "12")));
  }

  /**
   * The same headers as Spring Cloud Gateway's own filters, in their order (X-Forwarded 0,
   * transfer-encoding normalisation 1000, hop-by-hop last), behind the normalisation as the routing
   * filter runs them.
   */
  @ParameterizedTest
  @MethodSource("requests")
  void agreesWithSpringCloudGatewaysFilters(String remote, List<String> nameValuePairs) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.get("http://gateway.local:8080/api/catalog/records/1")
            .header("Accept", "application/json");
    for (int i = 0; i < nameValuePairs.size(); i += 2) {
      request.header(nameValuePairs.get(i), nameValuePairs.get(i + 1));
    }
    MockServerWebExchange exchange = exchange(remote, request);
    RemoveHopByHopHeadersFilter hopByHop = new RemoveHopByHopHeadersFilter();
    hopByHop.setHeaders(HOP_BY_HOP);
    HttpHeaders theirs =
        HttpHeadersFilter.filterRequest(
            List.of(
                new XForwardedHeadersFilter(TRUSTED),
                new TransferEncodingNormalizationHeadersFilter(),
                hopByHop),
            exchange);

    HttpHeaders ours =
        forwarded(
            new TransferEncodingNormalizationHeadersFilter()
                .filter(exchange.getRequest().getHeaders(), exchange),
            exchange);

    assertThat(sorted(ours)).isEqualTo(sorted(theirs));
  }

  /**
   * Where ours differs from Spring Cloud Gateway's, on purpose: a client's Connection header naming
   * X-Forwarded-For drops the client's own, but never the one the gateway writes (Spring Cloud
   * Gateway's hop-by-hop filter, running last, dropped that too).
   */
  @Test
  void aConnectionHeaderCannotStripWhatTheGatewayWrites() {
    MockServerWebExchange exchange =
        exchange(
            "127.0.0.1",
            MockServerHttpRequest.get("http://gateway.local/api/events")
                .header("Connection", "X-Forwarded-For")
                .header("X-Forwarded-For", "127.0.0.1"));

    HttpHeaders out = forwarded(exchange);

    assertThat(out.getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
  }

  private static TreeMap<String, List<String>> sorted(HttpHeaders headers) {
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(map::put);
    return map;
  }

  private static MockServerWebExchange exchange(
      String remote, MockServerHttpRequest.BaseBuilder<?> request) {
    return MockServerWebExchange.from(
        request.remoteAddress(new InetSocketAddress(remote, 50000)).build());
  }

  private HttpHeaders forwarded(MockServerWebExchange exchange) {
    return forwarded(exchange.getRequest().getHeaders(), exchange);
  }

  /** As the routing filter writes them: into the Netty headers of the request to the service. */
  private HttpHeaders forwarded(HttpHeaders client, MockServerWebExchange exchange) {
    DefaultHttpHeaders toService = new DefaultHttpHeaders();
    headers.writeTo(client, new HttpHeaders(new Netty4HeadersAdapter(toService)), exchange);
    HttpHeaders out = new HttpHeaders();
    toService.forEach(header -> out.add(header.getKey(), header.getValue()));
    return out;
  }
}
