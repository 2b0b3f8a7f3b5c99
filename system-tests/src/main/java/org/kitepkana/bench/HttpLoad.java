package org.kitepkana.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The load generator's HTTP client for one target: one GET, sent over keep-alive HTTP/1.1
 * connections from a single Netty event loop, which also reads every answer. A connection carries
 * one request at a time; an idle one is reused (the most recently used first), and a new one is
 * opened when none is idle, so the caller's cap on requests in flight caps the connections too.
 *
 * <p>Why not the JDK's {@code HttpClient}: on two shared cores it spent about 0.5 ms of CPU per
 * request (its selector thread and future chains), as much as catalog-service's whole read, and
 * that CPU was taken from the processes measured. This client's cost is an event-loop wake-up, a
 * write and a read per request.
 */
final class HttpLoad implements AutoCloseable {

  /**
   * Status given to the callback when no whole answer came: connection refused or dropped, answer
   * cut off or malformed, or none within {@link #TIMEOUT_SECONDS} of sending.
   */
  static final int NO_ANSWER = -1;

  static final int TIMEOUT_SECONDS = 10;

  private static final AttributeKey<IntConsumer> WAITING = AttributeKey.valueOf("waiting");
  private static final AttributeKey<ScheduledFuture<?>> DEADLINE = AttributeKey.valueOf("deadline");

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final Bootstrap bootstrap;

  /** The GET, encoded once by Netty's encoder; each send writes a view of these bytes. */
  private final ByteBuf request;

  /** Connections with no request in flight; touched on the event loop only. */
  private final ArrayDeque<Channel> idle = new ArrayDeque<>();

  /** GET of {@code url}, JSON, with a bearer token when {@code token} is not null. */
  HttpLoad(URI url, String token) {
    String path =
        url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
    FullHttpRequest get =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
    get.headers().set(HttpHeaderNames.HOST, url.getHost() + ":" + url.getPort());
    get.headers().set(HttpHeaderNames.ACCEPT, "application/json");
    if (token != null) {
      get.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }
    request = encoded(get);
    bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .remoteAddress(url.getHost(), url.getPort())
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpResponseDecoder())
                        .addLast(new HttpObjectAggregator(1 << 20))
                        .addLast(new Answers());
                  }
                });
  }

  /** The request's bytes on the wire, as Netty's HTTP encoder writes them. */
  private static ByteBuf encoded(FullHttpRequest request) {
    EmbeddedChannel encoder = new EmbeddedChannel(new HttpRequestEncoder());
    encoder.writeOutbound(request);
    ByteBuf bytes = Unpooled.buffer();
    for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
      bytes.writeBytes(part);
      part.release();
    }
    encoder.finishAndReleaseAll();
    return bytes;
  }

  /**
   * Sends the GET; {@code onAnswer} gets the status code (or {@link #NO_ANSWER}) exactly once, on
   * the event loop, when the whole answer is read. Callable from any thread.
   */
  void send(IntConsumer onAnswer) {
    loop.execute(() -> sendOnLoop(onAnswer));
  }

  private void sendOnLoop(IntConsumer onAnswer) {
    Channel channel;
    do {
      channel = idle.pollFirst();
    } while (channel != null && !channel.isActive());
    if (channel != null) {
      write(channel, onAnswer);
      return;
    }
    bootstrap
        .connect()
        .addListener(
            (ChannelFuture connected) -> {
              if (connected.isSuccess()) {
                write(connected.channel(), onAnswer);
              } else {
                onAnswer.accept(NO_ANSWER);
              }
            });
  }

  private void write(Channel channel, IntConsumer onAnswer) {
    channel.attr(WAITING).set(onAnswer);
    // The connection is closed (and the request answered NO_ANSWER) if no whole answer comes in
    // time.
    channel
        .attr(DEADLINE)
        .set(loop.schedule(() -> fail(channel), TIMEOUT_SECONDS, TimeUnit.SECONDS));
    channel
        .writeAndFlush(request.retainedDuplicate())
        .addListener(
            written -> {
              if (!written.isSuccess()) {
                fail(channel);
              }
            });
  }

  /** Takes the request waiting on {@code channel}, if any, and its deadline off the connection. */
  private static IntConsumer takeWaiting(Channel channel) {
    ScheduledFuture<?> deadline = channel.attr(DEADLINE).getAndSet(null);
    if (deadline != null) {
      deadline.cancel(false);
    }
    return channel.attr(WAITING).getAndSet(null);
  }

  /** Answers the waiting request, if any, with {@link #NO_ANSWER}, and closes the connection. */
  private void fail(Channel channel) {
    idle.remove(channel);
    IntConsumer waiting = takeWaiting(channel);
    channel.close();
    if (waiting != null) {
      waiting.accept(NO_ANSWER);
    }
  }

  /** Hands each whole answer to the request's callback and the connection back to the idle ones. */
  private final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse answer) {
      if (!answer.decoderResult().isSuccess()) {
        fail(ctx.channel()); // cut off or malformed: its status line says nothing
        return;
      }
      IntConsumer waiting = takeWaiting(ctx.channel());
      if (waiting == null) {
        fail(ctx.channel()); // an answer nobody asked for: the connection is out of step
        return;
      }
      if (HttpUtil.isKeepAlive(answer)) {
        idle.addFirst(ctx.channel());
      } else {
        ctx.close();
      }
      waiting.accept(answer.status().code());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      fail(ctx.channel());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      fail(ctx.channel());
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    request.release();
  }
}
