package org.kitepkana.gateway.resilience;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.kitepkana.gateway.limits.RequestSizeLimitWebFilter;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code RetryReads}: a GET or HEAD whose backend answered 5xx, or whose connection failed (any
 * {@link IOException}, a refused connection included), is sent again after a backoff ({@code
 * first-backoff}, then doubled up to {@code max-backoff}), at most {@code retries} times; the last
 * answer or failure is what the client gets. Every other method passes straight through: a write
 * may have been processed, so it is never repeated, and its body is streamed, never held back for a
 * second attempt. So does a read with a streamed body (see {@code hasBodyThatCannotBeSentTwice}).
 *
 * <p>Spring Cloud Gateway's own {@code Retry} filter retries the same reads, but it wraps every
 * request of its route, writes included, in {@code retryWhen} and {@code repeatWhen} (each with a
 * sink and a queue per request) and makes the route buffer every request body in case of a retry.
 * On the benchmark's GET that wrapping was 7% of everything the gateway allocated; here a read that
 * succeeds the first time costs one status check.
 *
 * <p>Place it after {@code ServiceGuard}, so the route's timeout and circuit breaker enclose the
 * retries (one client request is one call for the breaker).
 */
@Component
public class RetryReadsGatewayFilterFactory
    extends AbstractGatewayFilterFactory<RetryReadsGatewayFilterFactory.Config> {

  public RetryReadsGatewayFilterFactory() {
    super(Config.class);
  }

  @Override
  public List<String> shortcutFieldOrder() {
    return List.of("retries", "firstBackoff", "maxBackoff");
  }

  @Override
  public GatewayFilter apply(Config config) {
    config.validate();
    return new RetryReads(config.getRetries(), config.getFirstBackoff(), config.getMaxBackoff());
  }

  private static final class RetryReads implements GatewayFilter {

    private final int retries;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    RetryReads(int retries, Duration firstBackoff, Duration maxBackoff) {
      this.retries = retries;
      this.firstBackoff = firstBackoff;
      this.maxBackoff = maxBackoff;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
      ServerHttpRequest request = exchange.getRequest();
      HttpMethod method = request.getMethod();
      if ((!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method))
          || hasBodyThatCannotBeSentTwice(exchange)) {
        return chain.filter(exchange);
      }
      return attempt(exchange, chain, 0);
    }

    /** Attempt number {@code retry} (0 is the first); the last is not watched at all. */
    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retry) {
      Mono<Void> call = chain.filter(exchange);
      if (retry >= retries) {
        return call;
      }
      // Decided before anything is retried, so a later attempt's own failure is never retried
      // again here: it has already been through its own attempt's check.
      return call.then(
              Mono.fromSupplier(() -> isServerError(exchange.getResponse().getStatusCode())))
          .onErrorResume(RetryReads::isConnectionFailure, failure -> Mono.just(true))
          .flatMap(
              again ->
                  again
                      ? Mono.defer(
                          () -> {
                            // Before the backoff: closes the failed answer's connection (its body
                            // was never read, so it cannot go back to the pool, nor is it held
                            // through the wait) and forgets its headers and that it was routed.
                            ServerWebExchangeUtils.reset(exchange);
                            return Mono.delay(backoff(retry))
                                .then(Mono.defer(() -> attempt(exchange, chain, retry + 1)));
                          })
                      : Mono.empty());
    }

    /**
     * A read with a body (rare, but HTTP allows it) is retried only if the gateway holds the body
     * ({@code UnsizedBodyGlobalFilter} holds chunked ones): a streamed body has been read by the
     * first attempt and cannot be sent again.
     */
    private static boolean hasBodyThatCannotBeSentTwice(ServerWebExchange exchange) {
      ServerHttpRequest request = exchange.getRequest();
      return RequestSizeLimitWebFilter.hasBody(request, request.getHeaders().getContentLength())
          && exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR) == null;
    }

    private Duration backoff(int retry) {
      Duration next = firstBackoff.multipliedBy(1L << Math.min(retry, 30));
      return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
    }

    private static boolean isServerError(HttpStatusCode status) {
      return status != null && status.is5xxServerError();
    }

    private static boolean isConnectionFailure(Throwable error) {
      return error instanceof IOException || error.getCause() instanceof IOException;
    }

    @Override
    public String toString() {
      return "RetryReads[retries="
          + retries
          + ", firstBackoff="
          + firstBackoff
          + ", maxBackoff="
          + maxBackoff
          + "]";
    }
  }

  /** Arguments of the {@code RetryReads} filter. */
  public static class Config {

    /** Attempts after the first. */
    private int retries = 2;

    /** Wait before the first retry; each later one waits twice as long as the one before. */
    private Duration firstBackoff = Duration.ofMillis(50);

    /** The longest wait before a retry. */
    private Duration maxBackoff = Duration.ofMillis(500);

    void validate() {
      Assert.isTrue(retries >= 0, "RetryReads needs retries >= 0");
      Assert.isTrue(
          firstBackoff != null && !firstBackoff.isNegative(),
          "RetryReads needs a first-backoff >= 0");
      Assert.isTrue(
          maxBackoff != null && maxBackoff.compareTo(firstBackoff) >= 0,
          "RetryReads needs a max-backoff >= first-backoff");
    }

    public int getRetries() {
      return retries;
    }

    public void setRetries(int retries) {
      this.retries = retries;
    }

    public Duration getFirstBackoff() {
      return firstBackoff;
    }

    public void setFirstBackoff(Duration firstBackoff) {
      this.firstBackoff = firstBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }
}
