package org.kitepkana.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

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
    JsonNode docs = answer.body();
    assertThat(docs.path("openapi").asString()).startsWith("3.");
    assertThat(docs.path("info").path("title").asString()).isEqualTo("Kitepkana partnerships API");
    assertThat(docs.path("info").path("description").asString()).isNotBlank();
    assertThat(docs.path("info").path("version").asString()).isNotBlank();
    JsonNode scheme = docs.path("components").path("securitySchemes").path("bearer-jwt");
    assertThat(scheme.path("type").asString()).isEqualTo("http");
    assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
    assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
    assertThat(docs.path("security").toString()).contains("bearer-jwt");
    assertThat(docs.path("servers").get(0).path("url").asString()).isEqualTo("/");
  }

  @Test
  void docsListEveryControllerPathWithItsMethods() {
    JsonNode paths = api.get(DOCS).body().path("paths");
    Map<String, Set<String>> documented = new TreeMap<>();
    for (var entry : paths.properties()) {
      Set<String> methods = new TreeSet<>();
      entry.getValue().propertyNames().forEach(m -> methods.add(m.toLowerCase(Locale.ROOT)));
      documented.put(entry.getKey(), methods);
    }

    Map<String, Set<String>> served = controllerEndpoints();
    assertThat(served)
        .as("controller endpoints found")
        .isNotEmpty()
        .containsKeys(KEY_PATHS.toArray(String[]::new));
    List<String> missing = new ArrayList<>();
    served.forEach(
        (path, methods) -> {
          for (String method : methods) {
            if (!documented.getOrDefault(path, Set.of()).contains(method)) {
              missing.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
          }
        });
    assertThat(missing).as("served but not in " + DOCS).isEmpty();
    assertThat(documented).containsKeys(KEY_PATHS.toArray(String[]::new));
  }

  @Test
  void theActorIsNotADocumentedParameter() {
    String docs = api.get(DOCS).raw();
    assertThat(docs)
        .doesNotContain("\"name\":\"actor\"")
        .doesNotContain("#/components/schemas/Actor\"");
  }

  /** Path pattern (variables without their regex) to lower-case methods, of our controllers. */
  private Map<String, Set<String>> controllerEndpoints() {
    Map<String, Set<String>> endpoints = new TreeMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!e.getValue().getBeanType().getPackageName().startsWith("org.kitepkana.")) {
        continue;
      }
      RequestMappingInfo info = e.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        Set<String> names = endpoints.computeIfAbsent(path, k -> new TreeSet<>());
        if (methods.isEmpty()) {
          names.add("get");
        }
        methods.forEach(m -> names.add(m.name().toLowerCase(Locale.ROOT)));
      }
    }
    return endpoints;
  }
}
