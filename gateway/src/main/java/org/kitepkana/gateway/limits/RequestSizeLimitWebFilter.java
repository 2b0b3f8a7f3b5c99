package org.kitepkana.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.kitepkana.gateway.problem.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies larger than {@code kitepkana.gateway.max-request-size} with 413, before
 * any route sees them. A declared {@code Content-Length} over the limit is refused without reading
 * the body; a chunked body is counted while it streams in and refused as soon as it passes the
 * limit ({@link UnsizedBodyGlobalFilter} reads such a body whole before forwarding it, so nothing
 * reaches the service). Upload paths ({@code kitepkana.gateway.path-limits}) have their own limit,
 * and their bodies stream through.
 */
@Component
public class RequestSizeLimitWebFilter implements WebFilter, Ordered {

  /** Before the gateway's own web filters and handler. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private final BodyLimits limits;

  public RequestSizeLimitWebFilter(RequestLimitsProperties properties) {
    this.limits = new BodyLimits(properties);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long declared = request.getHeaders().getContentLength();
    if (!hasBody(request, declared)) {
      return chain.filter(exchange);
    }
    DataSize limit = limits.limitOf(request);
    if (declared > limit.toBytes()) {
      return Mono.error(GatewayProblems.contentTooLarge(limit));
    }
    return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
  }

  /**
   * Whether a request may have a body: a {@code Content-Length} above 0, a {@code
   * Transfer-Encoding}, or a method other than GET, HEAD and OPTIONS without a length (under HTTP/2
   * a body needs neither header). Requests that cannot (most reads) are passed on as they are.
   */
  public static boolean hasBody(ServerHttpRequest request, long declaredLength) {
    if (declaredLength >= 0) {
      return declaredLength > 0;
    }
    HttpMethod method = request.getMethod();
    return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)
        || !(HttpMethod.GET.equals(method)
            || HttpMethod.HEAD.equals(method)
            || HttpMethod.OPTIONS.equals(method));
  }

  /** Fails the body stream with 413 once more than {@code limit} bytes have arrived. */
  private static final class CountingRequest extends ServerHttpRequestDecorator {

    private final DataSize limit;

    CountingRequest(ServerHttpRequest delegate, DataSize limit) {
      super(delegate);
      this.limit = limit;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return Flux.defer(
          () -> {
            AtomicLong received = new AtomicLong();
            return super.getBody()
                .handle(
                    (buffer, sink) -> {
                      if (received.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(GatewayProblems.contentTooLarge(limit));
                      } else {
                        sink.next(buffer);
                      }
                    });
          });
    }
  }

  /**
   * A constant name for Spring Web's per-request checkpoint (TraceIdResponseHeaderFilter#toString).
   */
  @Override
  public String toString() {
    return "RequestSizeLimitWebFilter";
  }
}
