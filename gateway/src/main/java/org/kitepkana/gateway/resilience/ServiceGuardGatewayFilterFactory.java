package org.kitepkana.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kitepkana.gateway.problem.GatewayProblems;
import org.kitepkana.gateway.routing.NettyExchanges;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code ServiceGuard}: a route's response timeout and Resilience4j circuit breaker, with honest
 * answers when the service cannot serve.
 *
 * <ul>
 *   <li>Breaker open, or the connection failed: 503 problem naming the service, with {@code
 *       Retry-After} (the breaker's wait in the open state).
 *   <li>No response headers within {@code response-timeout} (retries included): 504 problem naming
 *       the service.
 *   <li>Any backend response, 4xx and 5xx included, passes through unchanged. A 5xx counts as a
 *       failure for the breaker; a 4xx counts as a success.
 * </ul>
 *
 * <p>Place it first among a route's filters so that the timeout and the breaker enclose the {@code
 * RetryReads} filter: one client request is one call for the breaker, whatever the retries.
 */
@Component
public class ServiceGuardGatewayFilterFactory
    extends AbstractGatewayFilterFactory<ServiceGuardGatewayFilterFactory.Config> {

  private final CircuitBreakerRegistry breakers;

  public ServiceGuardGatewayFilterFactory(CircuitBreakerRegistry breakers) {
    super(Config.class);
    this.breakers = breakers;
  }

  @Override
  public List<String> shortcutFieldOrder() {
    return List.of("service", "circuitBreaker", "responseTimeout");
  }

  @Override
  public GatewayFilter apply(Config config) {
    config.validate();
    CircuitBreaker breaker = breakers.circuitBreaker(config.getCircuitBreaker());
    return new ServiceGuard(config.getService(), breaker, config.getResponseTimeout());
  }

  private static final class ServiceGuard implements GatewayFilter {

    private final String service;
    private final CircuitBreaker breaker;
    private final Duration responseTimeout;
    private final Duration retryAfter;

    ServiceGuard(String service, CircuitBreaker breaker, Duration responseTimeout) {
      this.service = service;
      this.breaker = breaker;
      this.responseTimeout = responseTimeout;
      this.retryAfter =
          Duration.ofMillis(
              breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
      return Mono.defer(
          () -> {
            if (!breaker.tryAcquirePermission()) {
              return Mono.error(
                  circuitOpen(CallNotPermittedException.createCallNotPermittedException(breaker)));
            }
            long start = breaker.getCurrentTimestamp();
            AtomicBoolean settled = new AtomicBoolean();
            return chain
                .filter(exchange)
                .timeout(
                    deadline(exchange),
                    Mono.error(
                        () ->
                            new TimeoutException(
                                service + " gave no response within " + responseTimeout)))
                .doOnSuccess(
                    ignored -> {
                      if (settled.compareAndSet(false, true)) {
                        long elapsed = elapsedSince(start);
                        BackendFailure.ofStatus(exchange.getResponse().getStatusCode())
                            .ifPresentOrElse(
                                failure ->
                                    breaker.onError(elapsed, breaker.getTimestampUnit(), failure),
                                () -> breaker.onSuccess(elapsed, breaker.getTimestampUnit()));
                      }
                    })
                .onErrorMap(
                    error -> {
                      if (!settled.compareAndSet(false, true)) {
                        return error;
                      }
                      return BackendFailure.of(error)
                          .map(
                              failure -> {
                                breaker.onError(
                                    elapsedSince(start), breaker.getTimestampUnit(), failure);
                                return toProblem(failure);
                              })
                          .orElseGet(
                              () -> {
                                breaker.releasePermission();
                                return error;
                              });
                    })
                .doOnCancel(
                    () -> {
                      if (settled.compareAndSet(false, true)) {
                        breaker.releasePermission();
                      }
                    });
          });
    }

    /**
     * Emits when the response timeout has passed: on the Netty event loop that serves the request,
     * whose timer queue is its own. Reactor's {@code timeout(Duration)} schedules on its parallel
     * scheduler instead, and that woke one of its threads for every request (about one context
     * switch per request, bin/bench-gateway-ab), only to put it back to sleep until a deadline
     * seconds away. An exchange not served by Netty (tests) gets Reactor's timer.
     */
    private Mono<Long> deadline(ServerWebExchange exchange) {
      EventLoop loop = NettyExchanges.eventLoopServing(exchange);
      if (loop == null) {
        return Mono.delay(responseTimeout);
      }
      return Mono.create(
          deadline -> {
            ScheduledFuture<?> timer =
                loop.schedule(
                    () -> deadline.success(0L), responseTimeout.toNanos(), TimeUnit.NANOSECONDS);
            deadline.onCancel(() -> timer.cancel(false));
          });
    }

    private long elapsedSince(long start) {
      return breaker.getCurrentTimestamp() - start;
    }

    private Throwable toProblem(BackendFailure failure) {
      return switch (failure.kind()) {
        case TIMEOUT -> GatewayProblems.serviceTimedOut(service, responseTimeout, failure);
        case CONNECT_FAILED ->
            GatewayProblems.serviceUnavailable(
                service,
                service + " could not be reached; the request was not delivered. Try again later.",
                retryAfter,
                failure);
        case CONNECTION_LOST ->
            GatewayProblems.serviceUnavailable(
                service,
                "The connection to "
                    + service
                    + " failed before it answered; the request may or may not have been"
                    + " processed.",
                retryAfter,
                failure);
        // A 5xx is an answer, not an error: it is recorded in doOnSuccess and passed through.
        case SERVER_ERROR -> failure;
      };
    }

    private Throwable circuitOpen(CallNotPermittedException cause) {
      return GatewayProblems.serviceUnavailable(
          service,
          service
              + " has been failing, so the gateway is not forwarding requests to it for now;"
              + " the request was not delivered. Try again later.",
          retryAfter,
          cause);
    }

    @Override
    public String toString() {
      return "ServiceGuard[service="
          + service
          + ", circuitBreaker="
          + breaker.getName()
          + ", responseTimeout="
          + responseTimeout
          + "]";
    }
  }

  /** Arguments of the {@code ServiceGuard} filter. */
  public static class Config {

    /** The service's name in problems, e.g. {@code catalog-service}. */
    private String service;

    /** Name of the Resilience4j circuit breaker instance. */
    private String circuitBreaker;

    /** How long to wait for the response headers, retries included. */
    private Duration responseTimeout = Duration.ofSeconds(10);

    void validate() {
      Assert.hasText(service, "ServiceGuard needs a service name");
      Assert.hasText(circuitBreaker, "ServiceGuard needs a circuit-breaker name");
      Assert.isTrue(
          responseTimeout != null && !responseTimeout.isNegative() && !responseTimeout.isZero(),
          "ServiceGuard needs a positive response-timeout");
    }

    public String getService() {
      return service;
    }

    public void setService(String service) {
      this.service = service;
    }

    public String getCircuitBreaker() {
      return circuitBreaker;
    }

    public void setCircuitBreaker(String circuitBreaker) {
      this.circuitBreaker = circuitBreaker;
    }

    public Duration getResponseTimeout() {
      return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
      this.responseTimeout = responseTimeout;
    }
  }
}
