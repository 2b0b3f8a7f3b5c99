package org.kitepkana.gatewayfloor;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Reactor Netty alone, as a reverse proxy in front of catalog-service: every request is sent on as
 * it came (less the hop-by-hop headers), and its answer streamed back. No Spring, no Spring Cloud
 * Gateway, no check of any kind. It is the least a gateway on Reactor Netty (Spring Cloud Gateway's
 * server and client) can do per request, so {@code bin/bench-gateway} measures it beside the
 * gateway, Spring Cloud Gateway as it comes and nginx, on the same JVM command line as the gateway.
 * A benchmark fixture: never deployed.
 *
 * <p>Started by {@link GatewayFloorApplication#main} when the system property {@value #SWITCH} is
 * {@code reactor-netty}; it reads {@code --server.port}, {@code --server.address} and {@code
 * --kitepkana.services.catalog-uri} from the gateway's arguments and ignores the rest. It answers
 * {@code /actuator/health/readiness} itself, for the benchmark's readiness wait.
 */
public final class ReactorNettyFloor {

  /** The system property that selects this floor over Spring Cloud Gateway's. */
  public static final String SWITCH = "kitepkana.floor";

  static final String READINESS = "/actuator/health/readiness";

  /**
   * HTTP's hop-by-hop headers (RFC 9110, 7.6.1), as the gateway's list; looked up ignoring case, so
   * no header name is lower-cased per request.
   */
  private static final Set<String> HOP_BY_HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    HOP_BY_HOP.addAll(
        List.of(
            "connection",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "proxy-authorization",
            "proxy-authenticate",
            "upgrade"));
  }

  private final HttpClient service;

  ReactorNettyFloor(URI service) {
    this.service = HttpClient.create().baseUrl(service.toString());
  }

  public static void main(String[] args) {
    Map<String, String> options = GatewayFloorApplication.options(args);
    URI catalog =
        URI.create(options.getOrDefault("kitepkana.services.catalog-uri", "http://127.0.0.1:8081"));
    DisposableServer server =
        new ReactorNettyFloor(catalog)
            .bind(
                options.getOrDefault("server.address", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("server.port", "8080")));
    System.out.printf(
        "Reactor Netty floor on %s -> %s%n", server.address(), catalog); // the process log
    Runtime.getRuntime().addShutdownHook(new Thread(server::disposeNow));
    server.onDispose().block();
  }

  DisposableServer bind(String address, int port) {
    return HttpServer.create()
        .host(address)
        .port(port)
        .route(
            routes ->
                routes
                    .get(
                        READINESS,
                        (request, response) ->
                            response
                                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                .sendString(Mono.just("{\"status\":\"UP\"}")))
                    .route(request -> true, this::proxy))
        .bindNow();
  }

  private Mono<Void> proxy(HttpServerRequest request, HttpServerResponse response) {
    return service
        .headers(headers -> copy(request.requestHeaders(), headers, true))
        .request(request.method())
        .uri(request.uri())
        .send(request.receive().retain())
        .response(
            (answer, body) -> {
              response.status(answer.status());
              copy(answer.responseHeaders(), response.responseHeaders(), false);
              return response.send(body.retain());
            })
        .then();
  }

  /**
   * Copies the end-to-end headers; the client's {@code Host} stays behind (the client sets the
   * service's).
   */
  private static void copy(HttpHeaders from, HttpHeaders to, boolean request) {
    for (Map.Entry<String, String> header : from) {
      String name = header.getKey();
      if (!HOP_BY_HOP.contains(name) && !(request && name.equalsIgnoreCase("host"))) {
        to.add(name, header.getValue());
      }
    }
  }
}
