package org.kitepkana.devstack.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for a Spring Boot service jar in {@code DevstackIT}: takes {@code --server.port=},
 * answers readiness, the catalog's demo-data endpoints and the issuer's token endpoint, and records
 * its arguments ({@code args.txt}), requests ({@code requests.log}) and their {@code Authorization}
 * headers ({@code authorization.log}) in its working directory.
 */
public final class FakeService {

  private static final Pattern BATCH =
      Pattern.compile("/api/catalog/branches/[a-z0-9-]+/sync-batches/[A-Za-z0-9._-]+");

  private FakeService() {}

  public static void main(String[] args) throws Exception {
    int port = 0;
    for (String arg : args) {
      if (arg.startsWith("--server.port=")) {
        port = Integer.parseInt(arg.substring("--server.port=".length()));
      }
    }
    Files.writeString(Path.of("args.txt"), String.join("\n", args) + "\n", StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (path.equals("/actuator/health/readiness")) {
            respond(ex, 200, "{\"status\":\"UP\"}");
            return;
          }
          if (ex.getRequestMethod().equals("POST") && path.equals("/oauth2/token")) {
            respond(ex, 200, "{\"access_token\":\"fake-token\",\"token_type\":\"Bearer\"}");
            return;
          }
          String authorization = ex.getRequestHeaders().getFirst("Authorization");
          Files.writeString(
              Path.of("authorization.log"),
              (authorization == null ? "none" : authorization) + "\n",
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
          Files.writeString(
              Path.of("requests.log"),
              ex.getRequestMethod() + " " + path + "\n",
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
          if (ex.getRequestMethod().equals("POST") && path.equals("/api/catalog/branches")) {
            respond(ex, 201, body);
          } else if (ex.getRequestMethod().equals("PUT") && BATCH.matcher(path).matches()) {
            Matcher ops = Pattern.compile("\"op\"").matcher(body);
            int n = 0;
            while (ops.find()) {
              n++;
            }
            respond(ex, 200, "{\"applied\": " + n + ", \"unchanged\": 0, \"rejected\": 0}");
          } else {
            respond(ex, 404, "{}");
          }
        });
    server.start();
    System.out.println("fake service listening on " + port);
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
