package org.kitepkana.gateway.routing;

import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.client.HttpClient;

/**
 * Spring Cloud Gateway's HTTP client to the services, once per Netty event loop, each with its own
 * connection pool, so that a request is sent and its answer read on the event loop that serves the
 * client.
 *
 * <p>With the one shared pool, a request served on one event loop took whichever idle connection to
 * the service came first, most often one registered on another event loop (Reactor Netty's pool
 * does not look at the caller's loop). Its request then crossed to that loop to be written, and the
 * answer crossed back to be written to the client: two hand-offs, each waking a thread. A pool per
 * loop only ever holds connections that loop opened: every client runs on the web server's event
 * loops, Reactor Netty opens a connection on the calling one (its loops are colocated), and {@link
 * #serving} hands out a loop's client only on that loop.
 *
 * <p>Every client is built by Spring Cloud Gateway's factory from the same properties and
 * customizers ({@code spring.cloud.gateway.server.webflux.httpclient.*}); the singleton this
 * factory bean exposes, Spring Cloud Gateway's {@code HttpClient} bean, serves whatever is not
 * running on its event loop.
 */
public class EventLoopHttpClients extends HttpClientFactory {

  private final ReactorResourceFactory serverResources;
  private final ConcurrentMap<EventLoop, HttpClient> byLoop = new ConcurrentHashMap<>();
  private HttpClient shared;

  public EventLoopHttpClients(
      HttpClientProperties properties,
      ServerProperties serverProperties,
      HttpClientSslConfigurer sslConfigurer,
      List<HttpClientCustomizer> customizers,
      ReactorResourceFactory serverResources) {
    super(properties, serverProperties, sslConfigurer, customizers);
    this.serverResources = serverResources;
  }

  /**
   * Spring Cloud Gateway's client, on the web server's event loops. In a deployment both use
   * Reactor Netty's global loops anyway; Spring Boot's tests give the server loops of its own.
   */
  @Override
  protected HttpClient createInstance() {
    return super.createInstance().runOn(serverResources.getLoopResources());
  }

  /**
   * The client of the event loop serving {@code exchange}, when called on that loop; otherwise the
   * shared client.
   */
  public HttpClient serving(ServerWebExchange exchange) {
    EventLoop loop = NettyExchanges.eventLoopServing(exchange);
    if (loop == null || !loop.inEventLoop()) {
      return shared;
    }
    HttpClient client = byLoop.get(loop);
    return client != null ? client : byLoop.computeIfAbsent(loop, l -> newClient());
  }

  /**
   * One at a time: Spring Cloud Gateway's factory sorts its list of customizers in place each time
   * it builds a client, and two loops may ask for their first client at once.
   */
  private synchronized HttpClient newClient() {
    return createInstance();
  }

  @Override
  public void afterPropertiesSet() throws Exception {
    super.afterPropertiesSet();
    shared = getObject();
  }

  @Override
  public void destroy() throws Exception {
    byLoop.values().forEach(client -> client.configuration().connectionProvider().dispose());
    byLoop.clear();
    super.destroy();
  }
}
