package org.kitepkana.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;

class RequestSizeLimitWebFilterTest {

  final RequestSizeLimitWebFilter filter =
      new RequestSizeLimitWebFilter(new RequestLimitsProperties(DataSize.ofBytes(100)));

  final WebFilterChain readsWholeBody =
      exchange -> DataBufferUtils.join(exchange.getRequest().getBody()).then();

  @Test
  void declaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
    AtomicBoolean bodyRead = new AtomicBoolean();
    AtomicBoolean routed = new AtomicBoolean();
    MockServerHttpRequest request =
        MockServerHttpRequest.put("/api/catalog/records/1")
            .contentLength(101)
            .body(chunks(101).doOnSubscribe(s -> bodyRead.set(true)));

    assertThatThrownBy(
            () ->
                filter
                    .filter(
                        MockServerWebExchange.from(request),
                        exchange -> {
                          routed.set(true);
                          return readsWholeBody.filter(exchange);
                        })
                    .block())
        .isInstanceOfSatisfying(ErrorResponseException.class, this::isTooLarge);
    assertThat(routed).isFalse();
    assertThat(bodyRead).isFalse();
  }

  @Test
  void chunkedBodyIsRefusedOnceItPassesTheLimit() {
    AtomicInteger chunksRead = new AtomicInteger();
    MockServerHttpRequest request =
        MockServerHttpRequest.post("/api/catalog/imports")
            .header("Transfer-Encoding", "chunked")
            .body(chunks(1000).doOnNext(chunk -> chunksRead.incrementAndGet()));

    assertThatThrownBy(
            () -> filter.filter(MockServerWebExchange.from(request), readsWholeBody).block())
        .isInstanceOfSatisfying(ErrorResponseException.class, this::isTooLarge);
    assertThat(chunksRead).hasValueLessThan(20);
  }

  @Test
  void bodyAtTheLimitPasses() {
    MockServerHttpRequest request =
        MockServerHttpRequest.post("/api/catalog/imports").body(chunks(100));

    filter.filter(MockServerWebExchange.from(request), readsWholeBody).block();
  }

  @Test
  void anUploadPathHasItsOwnLargerLimitAndOtherPathsKeepTheGeneralOne() {
    RequestSizeLimitWebFilter withUploads =
        new RequestSizeLimitWebFilter(
            new RequestLimitsProperties(
                DataSize.ofBytes(100),
                List.of(
                    new RequestLimitsProperties.PathLimit(
                        "/api/catalog/branches/*/marc-imports", DataSize.ofBytes(1000)))));

    withUploads
        .filter(
            MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/catalog/branches/at-bashy/marc-imports")
                    .contentLength(900)
                    .body(chunks(900))),
            readsWholeBody)
        .block();
    assertThatThrownBy(
            () ->
                withUploads
                    .filter(
                        MockServerWebExchange.from(
                            MockServerHttpRequest.post(
                                    "/api/catalog/branches/at-bashy/marc-imports")
                                .header("Transfer-Encoding", "chunked")
                                .body(chunks(1010))),
                        readsWholeBody)
                    .block())
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            p -> assertThat(p.getBody().getProperties()).containsEntry("maxBytes", 1000L));
    assertThatThrownBy(
            () ->
                withUploads
                    .filter(
                        MockServerWebExchange.from(
                            MockServerHttpRequest.put(
                                    "/api/catalog/branches/at-bashy/sync-batches/b1")
                                .contentLength(900)
                                .body(chunks(900))),
                        readsWholeBody)
                    .block())
        .isInstanceOfSatisfying(ErrorResponseException.class, this::isTooLarge);
  }

  private void isTooLarge(ErrorResponseException problem) {
    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(problem.getBody().getProperties()).containsEntry("maxBytes", 100L);
  }

  /** {@code bytes} bytes in chunks of ten. */
  private static Flux<DataBuffer> chunks(int bytes) {
    return Flux.range(0, bytes / 10 + (bytes % 10 == 0 ? 0 : 1))
        .map(
            i ->
                DefaultDataBufferFactory.sharedInstance.wrap(
                    new byte[Math.min(10, bytes - i * 10)]));
  }
}
