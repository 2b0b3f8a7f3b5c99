package org.kitepkana.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One Swagger UI at the gateway, listing the three services' OpenAPI documents, which the gateway
 * fetches through the services' ordinary routes (stub services here).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kitepkana.gateway.rate-limits.roles.anonymous.requests-per-second=1000",
      "kitepkana.gateway.rate-limits.roles.anonymous.burst=1000"
    })
@AutoConfigureWebTestClient
class SwaggerUiIT {

  static final StubBackend catalog = StubBackend.start();
  static final StubBackend events = StubBackend.start();
  static final StubBackend partnerships = StubBackend.start();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("kitepkana.services.catalog-uri", catalog::uri);
    registry.add("kitepkana.services.events-uri", events::uri);
    registry.add("kitepkana.services.partnerships-uri", partnerships::uri);
  }

  @LocalServerPort int port;
  @Autowired WebTestClient client;

  @AfterAll
  static void stopBackends() {
    catalog.close();
    events.close();
    partnerships.close();
  }

  URI gateway(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Test
  void theGatewayServesOneSwaggerUi() {
    String location =
        client
            .get()
            .uri(gateway("/swagger-ui.html"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.LOCATION);
    assertThat(location).endsWith("/swagger-ui/index.html");

    client
        .get()
        .uri(gateway(URI.create(location).getPath()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("swagger-ui"));
  }

  @Test
  void theUiListsTheThreeServicesDocumentsAtTheirGatewayPaths() {
    client
        .get()
        .uri(gateway("/v3/api-docs/swagger-config"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.urls[*].name")
        .value(
            names ->
                assertThat(names.toString())
                    .contains("catalog-service", "events-service", "partnership-service"))
        .jsonPath("$.urls[?(@.name == 'catalog-service')].url")
        .isEqualTo("/api/catalog/v3/api-docs")
        .jsonPath("$.urls[?(@.name == 'events-service')].url")
        .isEqualTo("/api/events/v3/api-docs")
        .jsonPath("$.urls[?(@.name == 'partnership-service')].url")
        .isEqualTo("/api/partnerships/v3/api-docs");
  }

  @Test
  void eachServicesDocumentComesThroughItsOwnRoute() {
    for (String prefix : new String[] {"/api/catalog", "/api/events", "/api/partnerships"}) {
      client
          .get()
          .uri(gateway(prefix + "/v3/api-docs"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.paths['" + prefix + "/things']")
          .exists();
    }
    assertThat(catalog.hits("GET", "/api/catalog/v3/api-docs")).isEqualTo(1);
    assertThat(events.hits("GET", "/api/events/v3/api-docs")).isEqualTo(1);
    assertThat(partnerships.hits("GET", "/api/partnerships/v3/api-docs")).isEqualTo(1);
  }
}
