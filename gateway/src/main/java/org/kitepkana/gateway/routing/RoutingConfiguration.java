package org.kitepkana.gateway.routing;

import java.util.List;
import org.kitepkana.gateway.tracing.TraceContextForwarding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.client.HttpClient;

/**
 * The filter that sends each routed request to its service: Spring Cloud Gateway's own {@link
 * NettyRoutingFilter}, switched off in application.yml ({@code
 * spring.cloud.gateway.server.webflux.global-filter.netty-routing.enabled: false}) and declared
 * here (with its companion {@link NettyWriteResponseFilter}, which that switch turns off as well)
 * with a fixed list of header filters: Spring Cloud Gateway's transfer-encoding normalisation, then
 * {@link ForwardedRequestHeaders} for the request (one copy of the headers, where Spring Cloud
 * Gateway's filters made one each), and {@link HopByHopResponseHeaders} for the response (none).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

  /**
   * Spring Cloud Gateway's {@code HttpClient} bean comes from this factory (its own backs off), and
   * the routing filter takes each request's client from it.
   */
  @Bean
  EventLoopHttpClients edgeHttpClients(
      HttpClientProperties properties,
      ServerProperties serverProperties,
      HttpClientSslConfigurer sslConfigurer,
      List<HttpClientCustomizer> customizers,
      ReactorResourceFactory serverResources) {
    return new EventLoopHttpClients(
        properties, serverProperties, sslConfigurer, customizers, serverResources);
  }

  @Bean
  NettyRoutingFilter edgeRoutingFilter(
      HttpClient httpClient,
      EventLoopHttpClients clients,
      ObjectProvider<List<HttpHeadersFilter>> allHeadersFilters,
      HttpClientProperties properties,
      GatewayProperties gateway,
      RemoveHopByHopHeadersFilter hopByHop,
      TransferEncodingNormalizationHeadersFilter transferEncoding,
      TraceContextForwarding traceContext) {
    // Spring Cloud Gateway's order: its transfer-encoding normalisation (a request with both
    // Transfer-Encoding: chunked and Content-Length loses the latter) sees the client's headers
    // before the hop-by-hop ones, Transfer-Encoding among them, are dropped.
    List<HttpHeadersFilter> filters =
        List.of(
            transferEncoding,
            new ForwardedRequestHeaders(
                hopByHop.getHeaders(), trustedProxies(gateway.getTrustedProxies()), traceContext),
            new HopByHopResponseHeaders(hopByHop.getHeaders()));
    return new NettyRoutingFilter(httpClient, allHeadersFilters, properties) {
      @Override
      public List<HttpHeadersFilter> getHeadersFilters() {
        return filters;
      }

      @Override
      protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
        // The clients have the connect timeout already (Spring Cloud Gateway's HttpClientFactory
        // sets httpclient.connect-timeout on each); Spring Cloud Gateway's own method set it again
        // for every request, on a copy of the client's whole configuration.
        return route.getMetadata().containsKey(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR)
            ? super.getHttpClient(route, exchange)
            : clients.serving(exchange);
      }
    };
  }

  /**
   * Spring Cloud Gateway's, unchanged: switching its routing filter off by name switches this one
   * off too.
   */
  @Bean
  NettyWriteResponseFilter edgeWriteResponseFilter(
      GatewayProperties gateway, ObjectProvider<List<HttpHeadersFilter>> allHeadersFilters) {
    return new NettyWriteResponseFilter(gateway.getStreamingMediaTypes(), allHeadersFilters);
  }

  /** Unset, no proxy is trusted: every client's X-Forwarded-* headers are replaced. */
  private static TrustedProxies trustedProxies(String pattern) {
    return pattern == null || pattern.isBlank() ? host -> false : TrustedProxies.from(pattern);
  }
}
