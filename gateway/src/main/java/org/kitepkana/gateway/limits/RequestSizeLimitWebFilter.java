package org.kitepkana.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.kitepkana.gateway.problem.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
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
 * any route sees them (the gateway's routes buffer bodies so that safe requests can be retried, so
 * the limit must come first). A declared {@code Content-Length} over the limit is refused without
 * reading the body; a chunked body is counted while it streams in and refused as soon as it passes
 * the limit.
 */
@Component
public class RequestSizeLimitWebFilter implements WebFilter, Ordered {

  /** Before the gateway's own web filters and handler. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private final DataSize limit;

  public RequestSizeLimitWebFilter(RequestLimitsProperties properties) {
    this.limit = properties.maxRequestSize();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long declared = request.getHeaders().getContentLength();
    if (declared > limit.toBytes()) {
      return Mono.error(GatewayProblems.contentTooLarge(limit));
    }
    return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
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
}
