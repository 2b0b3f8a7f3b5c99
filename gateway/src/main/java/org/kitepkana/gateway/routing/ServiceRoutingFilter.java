package org.kitepkana.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.PRESERVE_HOST_HEADER_ATTRIBUTE;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Sends each routed request to its service, in place of Spring Cloud Gateway's {@link
 * NettyRoutingFilter} (switched off in application.yml), and hands the answer's status and headers
 * to the response filters; {@link NettyWriteResponseFilter} writes the body after them, as with
 * Spring Cloud Gateway's own filter. What it does is the same; the headers are copied once each way
 * instead of three times:
 *
 * <ul>
 *   <li>the forwarded request's headers ({@link ForwardedRequestHeaders}) are written straight into
 *       the client request's Netty headers, where Spring Cloud Gateway made them in an {@code
 *       HttpHeaders}, copied that into Netty headers, and those into the request's;
 *   <li>the answer's headers go straight from Netty's into the response, less the hop-by-hop ones
 *       ({@link HopByHopHeaders}), where Spring Cloud Gateway copied them into an {@code
 *       HttpHeaders}, filtered that, and copied the result into the response;
 *   <li>the names of the headers copied (for a retry or an error answer to take them off again) are
 *       a view of the answer's headers, read only if needed, not a set made per request.
 * </ul>
 *
 * <p>Each request goes out on its event loop's own client ({@link EventLoopHttpClients}). Spring
 * Cloud Gateway's per-route metadata is honoured: {@code connect-timeout} and {@code
 * response-timeout} (with {@code spring.cloud.gateway.server.webflux.httpclient.response-timeout}
 * as the default); the routes here leave both to {@code httpclient.connect-timeout} and {@code
 * ServiceGuard}.
 */
final class ServiceRoutingFilter implements GlobalFilter, Ordered {

  private final EventLoopHttpClients clients;
  private final HttpClientProperties properties;
  private final HttpHeadersFilter transferEncoding;
  private final ForwardedRequestHeaders forwardedHeaders;
  private final HopByHopHeaders hopByHop;

  ServiceRoutingFilter(
      EventLoopHttpClients clients,
      HttpClientProperties properties,
      HttpHeadersFilter transferEncoding,
      ForwardedRequestHeaders forwardedHeaders,
      HopByHopHeaders hopByHop) {
    this.clients = clients;
    this.properties = properties;
    this.transferEncoding = transferEncoding;
    this.forwardedHeaders = forwardedHeaders;
    this.hopByHop = hopByHop;
  }

  @Override
  public int getOrder() {
    return NettyRoutingFilter.ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    URI url = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
    String scheme = url.getScheme();
    if (isAlreadyRouted(exchange)
        || (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme))) {
      return chain.filter(exchange);
    }
    setAlreadyRouted(exchange);
    Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
    ServerHttpRequest request = exchange.getRequest();
    // Spring Cloud Gateway's order: the transfer-encoding normalisation (a request with both
    // Transfer-Encoding: chunked and Content-Length loses the latter) sees the client's headers
    // before the hop-by-hop ones, Transfer-Encoding among them, are dropped.
    HttpHeaders clientHeaders = transferEncoding.filter(request.getHeaders(), exchange);
    boolean preserveHost = exchange.getAttributeOrDefault(PRESERVE_HOST_HEADER_ATTRIBUTE, false);

    Flux<HttpClientResponse> answer =
        client(route, exchange)
            .headers(
                headers -> {
                  forwardedHeaders.writeTo(
                      clientHeaders, new HttpHeaders(new Netty4HeadersAdapter(headers)), exchange);
                  // Set from the service's URI by Reactor Netty, unless the route keeps the
                  // client's.
                  headers.remove(HttpHeaderNames.HOST);
                  if (preserveHost) {
                    headers.set(HttpHeaderNames.HOST, request.getHeaders().getFirst("Host"));
                  }
                })
            .request(HttpMethod.valueOf(request.getMethod().name()))
            .uri(url.toASCIIString())
            .send((sent, outbound) -> outbound.send(request.getBody().map(this::byteBuf)))
            .responseConnection(
                (response, connection) -> {
                  // The response filters see status and headers; NettyWriteResponseFilter writes
                  // the body after them.
                  exchange.getAttributes().put(CLIENT_RESPONSE_ATTR, response);
                  exchange.getAttributes().put(CLIENT_RESPONSE_CONN_ATTR, connection);
                  copyAnswer(response, exchange);
                  return Mono.just(response);
                });

    Duration responseTimeout = responseTimeout(route);
    if (responseTimeout != null) {
      answer =
          answer
              .timeout(
                  responseTimeout,
                  Mono.error(
                      () ->
                          new TimeoutException(
                              "Response took longer than timeout: " + responseTimeout)))
              .onErrorMap(
                  TimeoutException.class,
                  timeout ->
                      new ResponseStatusException(
                          HttpStatus.GATEWAY_TIMEOUT, timeout.getMessage(), timeout));
    }
    return answer.then(chain.filter(exchange));
  }

  /**
   * The event loop's client; a route's own connect timeout costs a copy of its configuration per
   * request, as in Spring Cloud Gateway.
   */
  private HttpClient client(Route route, ServerWebExchange exchange) {
    HttpClient client = clients.serving(exchange);
    Object connectTimeout = route.getMetadata().get(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR);
    return connectTimeout == null
        ? client
        : client.option(
            ChannelOption.CONNECT_TIMEOUT_MILLIS, Integer.parseInt(connectTimeout.toString()));
  }

  private void copyAnswer(HttpClientResponse answer, ServerWebExchange exchange) {
    ServerHttpResponse response = exchange.getResponse();
    // A status Spring has no constant for (e.g. 599) passes on as it is.
    response.setStatusCode(HttpStatusCode.valueOf(answer.status().code()));
    io.netty.handler.codec.http.HttpHeaders received = answer.responseHeaders();
    String contentType = received.get(HttpHeaderNames.CONTENT_TYPE);
    if (contentType != null && !contentType.isEmpty()) {
      exchange.getAttributes().put(ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR, contentType);
    }
    Predicate<String> kept = hopByHop.kept(received);
    exchange
        .getAttributes()
        .put(CLIENT_RESPONSE_HEADER_NAMES, new CopiedHeaderNames(received, kept));
    // Committed already by a filter before routing ended: its headers can no longer change (and
    // could not reach the client anyway).
    if (response.isCommitted()) {
      return;
    }
    HttpHeaders headers = response.getHeaders();
    for (Map.Entry<String, String> header : received) {
      if (kept.test(header.getKey())) {
        headers.add(header.getKey(), header.getValue());
      }
    }
  }

  private Duration responseTimeout(Route route) {
    Object perRoute = route.getMetadata().get(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR);
    if (perRoute != null) {
      long millis =
          perRoute instanceof Number number
              ? number.longValue()
              : Long.parseLong(perRoute.toString().trim());
      return millis >= 0 ? Duration.ofMillis(millis) : null;
    }
    return properties.getResponseTimeout();
  }

  private ByteBuf byteBuf(DataBuffer buffer) {
    if (buffer instanceof NettyDataBuffer netty) {
      return netty.getNativeBuffer();
    }
    if (buffer instanceof DefaultDataBuffer plain) { // mock exchanges
      return Unpooled.wrappedBuffer(plain.getNativeBuffer());
    }
    throw new IllegalArgumentException("Unable to handle DataBuffer of type " + buffer.getClass());
  }
}
