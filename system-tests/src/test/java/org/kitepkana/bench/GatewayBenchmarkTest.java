package org.kitepkana.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kitepkana.bench.GatewayBenchmark.Step;

class GatewayBenchmarkTest {

  @Test
  void theFigureOfSeveralStepUpsIsARateOneOfThemReached() {
    assertThat(GatewayBenchmark.median(List.of(2000))).isEqualTo(2000);
    assertThat(GatewayBenchmark.median(List.of(2500, 1250, 2000))).isEqualTo(2000);
    assertThat(GatewayBenchmark.median(List.of(3000, 1500, 2000, 2500))).isEqualTo(2000);
  }

  @Test
  void latencyMediansOfAnEvenNumberOfRunsAreTheMeanOfTheMiddleTwo() {
    assertThat(GatewayBenchmark.medianOf(List.of(4.0, 1.0, 9.0))).isEqualTo(4.0);
    assertThat(GatewayBenchmark.medianOf(List.of(4.0, 1.0, 9.0, 2.0))).isEqualTo(3.0);
  }

  @Test
  void latencyAddedIsTheMedianOfEachRoundsDifferenceFromDirectNotTheDifferenceOfMedians() {
    List<Step> direct = List.of(step(3_000, 0), step(9_000, 0), step(4_000, 0));
    List<Step> proxy = List.of(step(4_000, 0), step(9_500, 0), step(7_000, 0));

    // Differences 1.0, 0.5 and 3.0 ms: their median is 1.0; the medians' difference would be 3.0.
    assertThat(GatewayBenchmark.addedTo(direct, proxy, Step::p99Micros)).isEqualTo(1.0);
    assertThat(GatewayBenchmark.addedTo(direct, proxy, Step::p50Micros)).isEqualTo(0.0);
  }

  @Test
  void eachRoundPrintsEveryProxysP99LessDirectsInThatRound() {
    Map<String, Step> round = new LinkedHashMap<>();
    round.put("direct", step(3_490, 0));
    round.put("gateway", step(5_830, 0));
    round.put("nginx", step(3_100, 0));

    assertThat(GatewayBenchmark.p99AddedIn(round)).isEqualTo("gateway 2.34 ms, nginx -0.39 ms");
  }

  @Test
  void roundsAtTheFixedRateMustBeAtLeastOne() {
    assertThatThrownBy(() -> new GatewayBenchmark(Map.of("rounds", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rounds");
  }

  @Test
  void aRunWhoseLoadGeneratorFellBehindIsRunAgainAtMostTwice() {
    GatewayBenchmark bench = new GatewayBenchmark(Map.of());
    Step stalled = step(2000, 25_000);
    Step clean = step(2000, 3_000);

    Iterator<Step> stallOnce = List.of(stalled, clean).iterator();
    assertThat(bench.measured("gateway", stallOnce::next)).isEqualTo(clean);

    Iterator<Step> stallAlways = List.of(stalled, stalled, stalled, clean).iterator();
    assertThat(bench.measured("gateway", stallAlways::next)).isEqualTo(stalled);
    assertThat(stallAlways.next()).as("never run a fourth time").isEqualTo(clean);

    Iterator<Step> slowTarget = List.of(step(500_000, 5_000), clean).iterator();
    assertThat(bench.measured("gateway", slowTarget::next))
        .as("a target too slow for the rate is its own fault, not the generator's")
        .isEqualTo(step(500_000, 5_000));
  }

  @Test
  void interleavedRunsGiveEachTargetItsShareOfOneScheduleAndItsOwnLatencies() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    Map<String, HttpLoad> loads = new LinkedHashMap<>();
    try {
      loads.put("fast", new HttpLoad(uri(server(group, 0)), null));
      loads.put("slow", new HttpLoad(uri(server(group, 8)), null));

      Map<String, Step> steps = new GatewayBenchmark(Map.of()).runInterleaved(loads, 200, 2, 250);

      assertThat(steps).containsOnlyKeys("fast", "slow");
      for (Step s : steps.values()) {
        assertThat(s.sent()).isEqualTo(400); // 8 slices of 250 ms at 200 req/s
        assertThat(s.ok()).isEqualTo(400);
        assertThat(s.failed()).isZero();
        assertThat(s.seconds()).isEqualTo(2);
      }
      assertThat(steps.get("slow").p50Micros()).isGreaterThanOrEqualTo(8_000);
      assertThat(steps.get("fast").p50Micros()).isLessThan(8_000);
    } finally {
      loads.values().forEach(HttpLoad::close);
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** A loopback HTTP server answering every request 200 after {@code delayMillis}. */
  private static Channel server(EventLoopGroup group, int delayMillis) {
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                    .addLast(new HttpServerCodec())
                    .addLast(new HttpObjectAggregator(8192))
                    .addLast(
                        new SimpleChannelInboundHandler<FullHttpRequest>() {
                          @Override
                          protected void channelRead0(
                              ChannelHandlerContext ctx, FullHttpRequest request) {
                            FullHttpResponse answer =
                                new DefaultFullHttpResponse(
                                    HttpVersion.HTTP_1_1,
                                    HttpResponseStatus.OK,
                                    Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
                            HttpUtil.setContentLength(answer, 2);
                            ctx.executor()
                                .schedule(
                                    () -> ctx.writeAndFlush(answer),
                                    delayMillis,
                                    TimeUnit.MILLISECONDS);
                          }
                        });
              }
            })
        .bind("127.0.0.1", 0)
        .syncUninterruptibly()
        .channel();
  }

  private static URI uri(Channel server) {
    return URI.create(
        "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/record");
  }

  private static Step step(long p99Micros, long generatorLagMicros) {
    return new Step(
        1000,
        5,
        5000,
        5000,
        0,
        0,
        900,
        900,
        p99Micros,
        p99Micros,
        p99Micros,
        generatorLagMicros,
        1000);
  }
}
