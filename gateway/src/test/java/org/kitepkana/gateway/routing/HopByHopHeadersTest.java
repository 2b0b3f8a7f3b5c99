package org.kitepkana.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class HopByHopHeadersTest {

  private final HopByHopHeaders hopByHop =
      new HopByHopHeaders(ForwardedRequestHeadersTest.HOP_BY_HOP);
  private final MockServerWebExchange exchange =
      MockServerWebExchange.from(MockServerHttpRequest.get("/api/catalog/records/1"));

  @Test
  void dropsHopByHopHeadersAndThoseConnectionNamesInAnyCase() {
    HttpHeaders kept =
        kept(
            "Content-Type", "application/json",
            "ETag", "\"4\"",
            "Keep-Alive", "timeout=5",
            "Proxy-Authenticate", "Basic",
            "Transfer-Encoding", "chunked",
            "Connection", "keep-alive, X-Private",
            "Connection", "X-Other",
            "x-private", "secret",
            "X-OTHER", "also");

    assertThat(kept.headerNames()).containsExactlyInAnyOrder("Content-Type", "ETag");
  }

  /** Spring Cloud Gateway's filter, on answers whose Connection names nothing but itself. */
  @ParameterizedTest
  @MethodSource("answers")
  void agreesWithSpringCloudGatewaysFilter(List<String> nameValuePairs) {
    RemoveHopByHopHeadersFilter theirs = new RemoveHopByHopHeadersFilter();
    theirs.setHeaders(ForwardedRequestHeadersTest.HOP_BY_HOP);

    HttpHeaders expected = theirs.filter(headers(nameValuePairs.toArray(String[]::new)), exchange);
    HttpHeaders actual = kept(nameValuePairs.toArray(String[]::new));

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

  /** The headers of an answer with these headers that go on to the client. */
  private HttpHeaders kept(String... nameValuePairs) {
    DefaultHttpHeaders answer = new DefaultHttpHeaders();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      answer.add(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    Predicate<String> kept = hopByHop.kept(answer);
    HttpHeaders out = new HttpHeaders();
    answer.forEach(
        header -> {
          if (kept.test(header.getKey())) {
            out.add(header.getKey(), header.getValue());
          }
        });
    return out;
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
