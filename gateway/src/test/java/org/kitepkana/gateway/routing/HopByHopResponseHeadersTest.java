package org.kitepkana.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class HopByHopResponseHeadersTest {

  private final HopByHopResponseHeaders filter =
      new HopByHopResponseHeaders(ForwardedRequestHeadersTest.HOP_BY_HOP);
  private final MockServerWebExchange exchange =
      MockServerWebExchange.from(MockServerHttpRequest.get("/api/catalog/records/1"));

  @Test
  void dropsHopByHopHeadersAndThoseConnectionNamesInAnyCase() {
    HttpHeaders answer =
        headers(
            "Content-Type", "application/json",
            "ETag", "\"4\"",
            "Keep-Alive", "timeout=5",
            "Proxy-Authenticate", "Basic",
            "Transfer-Encoding", "chunked",
            "Connection", "keep-alive, X-Private",
            "x-private", "secret");

    HttpHeaders filtered = filter.filter(answer, exchange);

    assertThat(filtered.headerNames()).containsExactlyInAnyOrder("Content-Type", "ETag");
    assertThat(filter.supports(Type.RESPONSE)).isTrue();
    assertThat(filter.supports(Type.REQUEST)).isFalse();
  }

  /** Spring Cloud Gateway's filter, on answers whose Connection names nothing but itself. */
  @ParameterizedTest
  @MethodSource("answers")
  void agreesWithSpringCloudGatewaysFilter(List<String> nameValuePairs) {
    RemoveHopByHopHeadersFilter theirs = new RemoveHopByHopHeadersFilter();
    theirs.setHeaders(ForwardedRequestHeadersTest.HOP_BY_HOP);

    HttpHeaders expected = theirs.filter(headers(nameValuePairs.toArray(String[]::new)), exchange);
    HttpHeaders actual = filter.filter(headers(nameValuePairs.toArray(String[]::new)), exchange);

    assertThat(sorted(actual)).isEqualTo(sorted(expected));
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(List.of("Content-Type", "application/json", "Content-Length", "405")),
        Arguments.of(List.of("Connection", "close", "ETag", "\"1\"", "Vary", "Origin")),
        Arguments.of(List.of("Upgrade", "h2c", "Trailer", "Expires", "Set-Cookie", "a=1")),
        Arguments.of(List.of("X-Application-Context", "catalog", "Forwarded", "for=x", "A", "b")),
        Arguments.of(List.of("Vary", "Origin", "Vary", "Accept")));
  }

  private static HttpHeaders headers(String... nameValuePairs) {
    HttpHeaders headers = new HttpHeaders();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      headers.add(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return headers;
  }

  private static TreeMap<String, List<String>> sorted(HttpHeaders headers) {
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(map::put);
    return map;
  }
}
