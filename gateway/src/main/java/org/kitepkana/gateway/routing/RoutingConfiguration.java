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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The filters that send each routed request to its service and write its answer: {@link
 * ServiceRoutingFilter} in place of Spring Cloud Gateway's {@link NettyRoutingFilter}, switched off
 * in application.yml ({@code
 * spring.cloud.gateway.server.webflux.global-filter.netty-routing.enabled: false}), and Spring
 * Cloud Gateway's {@link NettyWriteResponseFilter}, which that switch turns off as well; with the
 * HTTP clients they send with ({@link EventLoopHttpClients}).
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
  ServiceRoutingFilter edgeRoutingFilter(
      EventLoopHttpClients clients,
      HttpClientProperties properties,
      GatewayProperties gateway,
      RemoveHopByHopHeadersFilter hopByHop,
      TransferEncodingNormalizationHeadersFilter transferEncoding,
      TraceContextForwarding traceContext) {
    HopByHopHeaders hopByHopHeaders = new HopByHopHeaders(hopByHop.getHeaders());
    return new ServiceRoutingFilter(
        clients,
        properties,
        transferEncoding,
        new ForwardedRequestHeaders(
            hopByHopHeaders, trustedProxies(gateway.getTrustedProxies()), traceContext),
        hopByHopHeaders);
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
