package org.kitepkana.events;

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
class OpenApiDocsIT extends ServiceTestBase {

  static final String DOCS = "/api/events/v3/api-docs";

  static final List<String> KEY_PATHS =
      List.of(
          "/api/events",
          "/api/events/{eventId}",
          "/api/events/{eventId}/registrations",
          "/api/events/calendar.ics",
          "/api/events/campaigns");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void docsHaveTheHeaderAndTheBearerJwtScheme() {
    var answer = api.get(DOCS);

    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertHeaderAndBearerJwtScheme(answer.body(), "Kitepkana events API");
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
