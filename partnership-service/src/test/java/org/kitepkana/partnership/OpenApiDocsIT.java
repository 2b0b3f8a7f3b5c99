package org.kitepkana.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.platform.testsupport.OpenApiDocsAssertions.assertActorIsNotAParameter;
import static org.kitepkana.platform.testsupport.OpenApiDocsAssertions.assertEveryControllerEndpointDocumented;
import static org.kitepkana.platform.testsupport.OpenApiDocsAssertions.assertHeaderAndBearerJwtScheme;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document at {@value #DOCS} (the path the gateway routes and its Swagger UI lists)
 * documents every path and method of every controller of this service, so a controller added
 * without showing up in the docs fails here, plus the key paths by name.
 */
class OpenApiDocsIT extends PartnershipIntegrationTest {

  static final String DOCS = "/api/partnerships/v3/api-docs";

  static final List<String> KEY_PATHS =
      List.of(
          "/api/partnerships/partners",
          "/api/partnerships/partners/{partnerId}",
          "/api/partnerships/partners/{partnerId}/agreements",
          "/api/partnerships/projects",
          "/api/partnerships/projects/{projectId}",
          "/api/partnerships/reports/{name}");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void docsHaveTheHeaderAndTheBearerJwtScheme() {
    var answer = api.get(DOCS);

    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertHeaderAndBearerJwtScheme(answer.body(), "Kitepkana partnerships API");
  }

  @Test
  void docsListEveryControllerPathWithItsMethods() {
    assertEveryControllerEndpointDocumented(api.get(DOCS).body(), mappings, KEY_PATHS);
  }

  @Test
  void theActorIsNotADocumentedParameter() {
    assertActorIsNotAParameter(api.get(DOCS).raw());
  }
}
