package org.kitepkana.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend service on 127.0.0.1 and a free port, built on the JDK's HTTP server. It records what
 * reaches it and answers by path:
 *
 * <ul>
 *   <li>{@code .../echo/...}: 200 with the request body and content type, plus {@code ETag} and
 *       {@code X-Backend} headers, and hop-by-hop ones ({@code Proxy-Authenticate}, and {@code
 *       X-Hop} named by {@code Connection})
 *   <li>{@code .../rejects}: 400 problem+json ({@link #REJECTION})
 *   <li>{@code .../flaky}: 503 problem+json ({@link #OVERLOADED})
 *   <li>{@code .../broken}: 500 problem+json ({@link #BROKEN})
 *   <li>{@code .../drops-once}: the first request (per method and path) loses its connection
 *       without an answer; later ones get 200 {@code recovered}
 *   <li>{@code .../unnamed-status}: 299, a status HTTP leaves unnamed
 *   <li>{@code .../slow}: answers only after {@link #releaseSlowResponses()}
 *   <li>{@code <prefix>/v3/api-docs}: a minimal OpenAPI document with one path under the prefix
 * </ul>
 */
final class StubBackend implements AutoCloseable {

  static final String REJECTION =
      "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
          + "\"detail\":\"isbn: not an ISBN\",\"errors\":[{\"field\":\"isbn\",\"reason\":\"not an ISBN\"}]}";
  static final String OVERLOADED =
      "{\"type\":\"about:blank\",\"title\":\"Catalog busy\",\"status\":503,\"detail\":\"try later\"}";
  static final String BROKEN =
      "{\"type\":\"about:blank\",\"title\":\"Internal error\",\"status\":500,"
          + "\"detail\":\"The request could not be completed; nothing was acknowledged.\"}";

  /** What reached the backend. Header names are case-insensitive. */
  record Received(String method, String rawPathAndQuery, Headers headers, byte[] body) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final AtomicReference<CountDownLatch> slowGate =
      new AtomicReference<>(new CountDownLatch(1));

  private StubBackend(HttpServer server) {
    this.server = server;
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static StubBackend start() {
    try {
      return new StubBackend(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback port nothing listens on: connections to it are refused. */
  static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many requests with this method and path arrived. */
  int hits(String method, String path) {
    AtomicInteger count = hits.get(method + " " + path);
    return count == null ? 0 : count.get();
  }

  Received lastReceived() {
    if (received.isEmpty()) {
      throw new AssertionError("nothing reached the backend");
    }
    return received.get(received.size() - 1);
  }

  void releaseSlowResponses() {
    slowGate.get().countDown();
  }

  void reset() {
    releaseSlowResponses();
    slowGate.set(new CountDownLatch(1));
    received.clear();
    hits.clear();
  }

  @Override
  public void close() {
    releaseSlowResponses();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      Headers headers = new Headers();
      headers.putAll(exchange.getRequestHeaders());
      String method = exchange.getRequestMethod();
      received.add(new Received(method, query == null ? path : path + "?" + query, headers, body));
      hits.computeIfAbsent(method + " " + path, key -> new AtomicInteger()).incrementAndGet();

      if (path.contains("/echo/")) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        exchange.getResponseHeaders().set("ETag", "\"4\"");
        exchange.getResponseHeaders().set("X-Backend", "stub");
        // Hop-by-hop: for this connection only, never for the gateway's client.
        exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"stub\"");
        exchange.getResponseHeaders().set("Connection", "X-Hop");
        exchange.getResponseHeaders().set("X-Hop", "for the gateway only");
        exchange
            .getResponseHeaders()
            .set("Content-Type", contentType == null ? "text/plain" : contentType);
        respond(exchange, 200, body.length == 0 ? "echo".getBytes(StandardCharsets.UTF_8) : body);
      } else if (path.endsWith("/v3/api-docs")) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        respond(
            exchange,
            200,
            ("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stub\",\"version\":\"1\"},"
                    + "\"paths\":{\""
                    + path.substring(0, path.length() - "/v3/api-docs".length())
                    + "/things\":{}}}")
                .getBytes(StandardCharsets.UTF_8));
      } else if (path.endsWith("/rejects")) {
        problem(exchange, 400, REJECTION);
      } else if (path.endsWith("/flaky")) {
        problem(exchange, 503, OVERLOADED);
      } else if (path.endsWith("/broken")) {
        problem(exchange, 500, BROKEN);
      } else if (path.endsWith("/drops-once")) {
        if (hits(method, path) == 1) {
          throw new IOException("dropping the connection without an answer, as asked");
        }
        respond(exchange, 200, "recovered".getBytes(StandardCharsets.UTF_8));
      } else if (path.contains("/chunked/")) {
        // A body of the asked size in 8 KB pieces, each flushed: chunked, no Content-Length.
        byte[] whole = patterned(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          for (int from = 0; from < whole.length; from += 8192) {
            out.write(whole, from, Math.min(8192, whole.length - from));
            out.flush();
          }
        }
      } else if (path.endsWith("/event-stream")) {
        // One event, then the next only once the test releases it.
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          awaitRelease();
          out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
        }
      } else if (path.endsWith("/unnamed-status")) {
        respond(exchange, 299, "unusual".getBytes(StandardCharsets.UTF_8));
      } else if (path.endsWith("/slow")) {
        awaitRelease();
        respond(exchange, 200, "late".getBytes(StandardCharsets.UTF_8));
      } else {
        respond(exchange, 404, new byte[0]);
      }
    }
  }

  /** {@code size} bytes of a repeating pattern, so a lost or reordered piece shows. */
  static byte[] patterned(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + i % 23);
    }
    return bytes;
  }

  private void awaitRelease() {
    try {
      slowGate.get().await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void problem(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
    respond(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
