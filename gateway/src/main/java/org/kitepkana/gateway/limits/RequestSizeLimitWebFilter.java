package org.kitepkana.gateway.limits;

import java.util.List;
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
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies larger than {@code kitepkana.gateway.max-request-size} with 413, before
 * any route sees them (the gateway's routes buffer bodies so that safe requests can be retried, so
 * the limit must come first). A declared {@code Content-Length} over the limit is refused without
 * reading the body; a chunked body is counted while it streams in and refused as soon as it passes
 * the limit. Upload paths ({@code kitepkana.gateway.path-limits}) have their own limit; their route
 * must not buffer (no {@code Retry} filter), or the gateway would hold the whole upload in memory.
 */
@Component
public class RequestSizeLimitWebFilter implements WebFilter, Ordered {

  /** Before the gateway's own web filters and handler. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private record PathLimit(PathPattern pattern, DataSize limit) {}

  private final DataSize limit;
  private final List<PathLimit> pathLimits;

  public RequestSizeLimitWebFilter(RequestLimitsProperties properties) {
    this.limit = properties.maxRequestSize();
    this.pathLimits =
        properties.pathLimits().stream()
            .map(
                p ->
                    new PathLimit(
                        PathPatternParser.defaultInstance.parse(p.path()), p.maxRequestSize()))
            .toList();
  }

  /** The limit of the first path pattern the request matches, else the general one. */
  private DataSize limitFor(ServerHttpRequest request) {
    for (PathLimit p : pathLimits) {
      if (p.pattern().matches(request.getPath().pathWithinApplication())) {
        return p.limit();
      }
    }
    return limit;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    DataSize limit = limitFor(request);
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
