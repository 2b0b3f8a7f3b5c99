package org.kitepkana.gatewayfloor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;

class ReactorNettyFloorTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer service;
  private DisposableServer floor;

  @BeforeEach
  void start() throws IOException {
    service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.createContext(
        "/",
        exchange -> {
          byte[] body =
              (exchange.getRequestMethod()
                      + " "
                      + exchange.getRequestURI()
                      + " authorization="
                      + exchange.getRequestHeaders().getFirst("Authorization"))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("ETag", "\"7\"");
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().endsWith("/gone") ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    service.start();
    floor =
        new ReactorNettyFloor(URI.create("http://127.0.0.1:" + service.getAddress().getPort()))
            .bind("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    floor.disposeNow();
    service.stop(0);
  }

  @Test
  void passesARequestOnWithItsPathQueryAndEndToEndHeadersAndTheAnswerBack() throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(floorUri("/api/catalog/records/01J?fields=title"))
                .header("Authorization", "Bearer abc")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo("GET /api/catalog/records/01J?fields=title authorization=Bearer abc");
    assertThat(answer.headers().firstValue("ETag")).contains("\"7\"");
  }

  @Test
  void passesTheServicesErrorStatusThroughUnchanged() throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(floorUri("/api/catalog/records/gone")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(404);
  }

  @Test
  void answersTheReadinessProbeItself() throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(floorUri(ReactorNettyFloor.READINESS)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void readsTheGatewaysArgumentsAndLeavesTheRestOut() {
    assertThat(
            GatewayFloorApplication.options(
                new String[] {
                  "--server.port=9000",
                  "--kitepkana.services.catalog-uri=http://x:1",
                  "-jar",
                  "--flag"
                }))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("server.port", "9000", "kitepkana.services.catalog-uri", "http://x:1"));
  }

  private URI floorUri(String path) {
    return URI.create("http://127.0.0.1:" + floor.port() + path);
  }
}
