package org.kitepkana.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.platform.testsupport.OpenApiDocsAssertions.assertActorIsNotAParameter;
import static org.kitepkana.platform.testsupport.OpenApiDocsAssertions.assertEveryControllerEndpointDocumented;
import static org.kitepkana.platform.testsupport.OpenApiDocsAssertions.assertHeaderAndBearerJwtScheme;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document at {@value #DOCS} (the path the gateway routes and its Swagger UI lists)
 * documents every path and method of every controller of this service, so a controller added
 * without showing up in the docs fails here, plus the key paths by name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructureTest
class OpenApiDocsIT {

  static final String DOCS = "/api/catalog/v3/api-docs";

  static final List<String> KEY_PATHS =
      List.of(
          "/api/catalog/branches",
          "/api/catalog/branches/{branchId}",
          "/api/catalog/branches/{branchId}/sync-batches/{batchId}",
          "/api/catalog/records/{recordId}",
          "/api/catalog/search",
          "/api/catalog/changes");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @LocalServerPort int port;

  CatalogApi api() {
    return new CatalogApi("http://127.0.0.1:" + port);
  }

  @Test
  void docsHaveTheHeaderAndTheBearerJwtScheme() {
    var answer = api().get(DOCS);

    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertHeaderAndBearerJwtScheme(answer.body(), "Kitepkana catalog API");
  }

  @Test
  void docsListEveryControllerPathWithItsMethods() {
    assertEveryControllerEndpointDocumented(api().get(DOCS).body(), mappings, KEY_PATHS);
  }

  @Test
  void theActorIsNotADocumentedParameter() {
    assertActorIsNotAParameter(api().get(DOCS).raw());
  }
}
