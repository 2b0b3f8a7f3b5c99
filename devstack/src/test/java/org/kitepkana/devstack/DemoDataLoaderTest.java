package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoDataLoaderTest {

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI serve(int branchStatus, int batchStatus, String batchBody) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + body);
          if (ex.getRequestMethod().equals("POST")) {
            respond(ex, branchStatus, "{}");
          } else {
            respond(ex, batchStatus, batchBody);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Test
  void postsBranchesParentsFirstThenOneSyncBatchPerBranch() throws Exception {
    URI base =
        serve(201, 200, "{\"applied\": 2, \"unchanged\": 1, \"rejected\": 0, \"items\": []}");
    DemoData data = DemoData.load();

    DemoDataLoader.Summary summary = new DemoDataLoader(base, log).load(data);

    int n = data.branches().size();
    assertThat(requests).hasSize(2 * n);
    assertThat(requests.get(0))
        .startsWith("POST /api/catalog/branches {")
        .contains("\"id\":\"naryn-oblast\"")
        .contains("Нарын облустук универсалдуу илимий китепканасы");
    assertThat(requests.get(n))
        .startsWith("PUT /api/catalog/branches/naryn-oblast/sync-batches/demo-naryn-oblast-v1 {")
        .contains("\"items\":[")
        .contains("\"op\":\"UPSERT\"")
        .contains("Жамийла");
    assertThat(summary.branchesCreated()).isEqualTo(n);
    assertThat(summary.batches()).isEqualTo(n);
    assertThat(summary.applied()).isEqualTo(2 * n);
    assertThat(summary.unchanged()).isEqualTo(n);
  }

  @Test
  void anExistingBranchIsFine() throws Exception {
    URI base = serve(409, 200, "{\"applied\": 0, \"unchanged\": 3, \"rejected\": 0}");

    DemoDataLoader.Summary summary = new DemoDataLoader(base, log).load(DemoData.load());

    assertThat(summary.branchesCreated()).isZero();
    assertThat(summary.branchesExisting()).isEqualTo(DemoData.load().branches().size());
  }

  @Test
  void rejectedItemsAreReportedButDoNotFail() throws Exception {
    URI base =
        serve(
            201,
            200,
            "{\"applied\": 0, \"unchanged\": 0, \"rejected\": 1, \"items\": [{\"index\": 0,"
                + " \"itemId\": \"inv-1\", \"status\": \"REJECTED\", \"errors\": [{\"field\":"
                + " \"items[0].description.isbn\", \"reason\": \"bad\"}]}]}");

    DemoDataLoader.Summary summary = new DemoDataLoader(base, log).load(DemoData.load());

    assertThat(summary.rejected()).isEqualTo(DemoData.load().branches().size());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("WARNING 1 demo item(s) rejected")
        .contains("items[0].description.isbn");
  }

  @Test
  void failsLoudlyWithTheResponseOnAnyOtherError() throws Exception {
    URI base = serve(400, 200, "{}");
    server.removeContext("/");
    server.createContext(
        "/",
        ex -> {
          ex.getRequestBody().readAllBytes();
          respond(ex, 422, "{\"title\": \"Unprocessable\", \"errors\": [{\"field\": \"type\"}]}");
        });

    assertThatThrownBy(() -> new DemoDataLoader(base, log).load(DemoData.load()))
        .isInstanceOf(DevstackException.class)
        .hasMessageContaining("POST /api/catalog/branches (naryn-oblast) answered HTTP 422")
        .hasMessageContaining("\"field\": \"type\"");
  }

  @Test
  void retriesWhileTheGatewaySaysUnavailable() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          ex.getRequestBody().readAllBytes();
          if (calls.incrementAndGet() <= 2) {
            respond(ex, 503, "{}");
          } else {
            respond(ex, ex.getRequestMethod().equals("POST") ? 201 : 200, "{\"applied\": 1}");
          }
        });
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

    DemoDataLoader.Summary summary = new DemoDataLoader(base, log).load(DemoData.load());

    assertThat(summary.branchesCreated()).isEqualTo(DemoData.load().branches().size());
  }
}
