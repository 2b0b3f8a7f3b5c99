package org.kitepkana.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.junit.jupiter.api.Test;

class CopiedHeaderNamesTest {

  @Test
  void namesTheAnswersHeadersThatReachedTheResponseOnceEach() {
    DefaultHttpHeaders answer = new DefaultHttpHeaders();
    answer.add("Content-Type", "application/json");
    answer.add("Vary", "Origin");
    answer.add("vary", "Accept");
    answer.add("Keep-Alive", "timeout=5");
    answer.add("Connection", "X-Hop");
    answer.add("X-Hop", "only for the gateway");
    HopByHopHeaders hopByHop = new HopByHopHeaders(ForwardedRequestHeadersTest.HOP_BY_HOP);

    CopiedHeaderNames names = new CopiedHeaderNames(answer, hopByHop.kept(answer));

    assertThat(names).containsExactlyInAnyOrder("Content-Type", "Vary").hasSize(2);
    assertThat(names.contains("content-type")).isTrue();
  }
}
