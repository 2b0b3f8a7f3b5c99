package org.kitepkana.gateway.routing;

import io.netty.channel.EventLoop;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.Connection;

/** What Reactor Netty says about the connection an exchange came in on. */
public final class NettyExchanges {

  private NettyExchanges() {}

  /**
   * The Netty event loop that reads the exchange's request and writes its answer; null for an
   * exchange not served by Reactor Netty (tests with mock exchanges).
   */
  public static EventLoop eventLoopServing(ServerWebExchange exchange) {
    try {
      Object served = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
      return served instanceof Connection connection ? connection.channel().eventLoop() : null;
    } catch (IllegalArgumentException notAdecorator) {
      return null; // a request type that does not say what serves it
    }
  }
}
