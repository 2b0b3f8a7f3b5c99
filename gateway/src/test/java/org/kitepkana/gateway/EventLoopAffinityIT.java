package org.kitepkana.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kitepkana.gateway.routing.NettyExchanges;
import org.kitepkana.platform.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.WebFilter;

/**
 * A proxied request is written to the service, and its answer read, on the Netty event loop that
 * serves the client's connection (EventLoopHttpClients): no request crosses to another loop and
 * back. Probes record, per request, the loop serving the client (a web filter) and the loop of the
 * connection it was sent on to the service (a customizer of the gateway's HTTP clients).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventLoopAffinityIT {

  static final String PROBE = "X-Loop-Probe";
  static final StubBackend catalog = StubBackend.start();
  static final Map<String, EventLoop> servedOn = new ConcurrentHashMap<>();
  static final Map<String, EventLoop> sentOn = new ConcurrentHashMap<>();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("kitepkana.services.catalog-uri", catalog::uri);
    TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @TestConfiguration
  static class Probes {

    @Bean
    HttpClientCustomizer recordsTheLoopEachRequestIsSentOn() {
      return client ->
          client.doOnRequest(
              (request, connection) -> {
                String probe = request.requestHeaders().get(PROBE);
                if (probe != null) {
                  sentOn.put(probe, connection.channel().eventLoop());
                }
              });
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter recordsTheLoopEachRequestIsServedOn() {
      return (exchange, chain) -> {
        String probe = exchange.getRequest().getHeaders().getFirst(PROBE);
        EventLoop loop = NettyExchanges.eventLoopServing(exchange);
        if (probe != null && loop != null) {
          servedOn.put(probe, loop);
        }
        return chain.filter(exchange);
      };
    }
  }

  @LocalServerPort int port;

  @AfterAll
  static void stopBackend() {
    catalog.close();
  }

  @Test
  void everyRequestIsSentToTheServiceFromTheEventLoopThatServesItsClient() {
    // Rounds of concurrent requests over several client connections, so that the gateway serves
    // them on several loops and later rounds find idle connections to the service opened by
    // earlier ones.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // The first request with a token waits for the issuer's keys, and goes on on the thread that
    // fetched them: that one is sent from there (the shared client), not from its own loop.
    assertThat(client.sendAsync(get(0, "warm-up"), BodyHandlers.ofString()).join().statusCode())
        .isEqualTo(200);
    sentOn.clear();
    int rounds = 6;
    int concurrent = 16;
    for (int round = 0; round < rounds; round++) {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < concurrent; i++) {
        answers.add(client.sendAsync(get(i, round + "-" + i), BodyHandlers.ofString()));
      }
      answers.forEach(answer -> assertThat(answer.join().statusCode()).isEqualTo(200));
    }

    assertThat(sentOn).hasSize(rounds * concurrent);
    assertThat(new HashSet<>(servedOn.values())).as("loops serving clients").hasSizeGreaterThan(1);
    List<String> crossed = new ArrayList<>();
    sentOn.forEach(
        (probe, loop) -> {
          if (loop != servedOn.get(probe)) {
            crossed.add(probe + " " + servedOn.get(probe) + " -> " + loop);
          }
        });
    assertThat(crossed).as("requests sent from another loop than the client's").isEmpty();
  }

  private HttpRequest get(int record, String probe) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/catalog/echo/records/" + record))
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.coordinator())
        .header(PROBE, probe)
        .build();
  }
}
