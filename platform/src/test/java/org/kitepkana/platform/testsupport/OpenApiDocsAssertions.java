package org.kitepkana.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * What every service's OpenAPI document must show: the platform's header and bearer-JWT scheme,
 * every path and method of the service's own controllers (so a controller added without showing up
 * in the docs fails its service's test), and no trace of the {@code Actor} parameter, which the
 * platform resolves from the token.
 */
public final class OpenApiDocsAssertions {

  private OpenApiDocsAssertions() {}

  public static void assertHeaderAndBearerJwtScheme(JsonNode docs, String title) {
    assertThat(docs.path("openapi").asString()).startsWith("3.");
    assertThat(docs.path("info").path("title").asString()).isEqualTo(title);
    assertThat(docs.path("info").path("description").asString()).isNotBlank();
    assertThat(docs.path("info").path("version").asString()).isNotBlank();
    JsonNode scheme = docs.path("components").path("securitySchemes").path("bearer-jwt");
    assertThat(scheme.path("type").asString()).isEqualTo("http");
    assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
    assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
    assertThat(docs.path("security").toString()).contains("bearer-jwt");
    assertThat(docs.path("servers").get(0).path("url").asString()).isEqualTo("/");
  }

  /**
   * Every path and method served by a controller under {@code org.kitepkana} is in {@code docs},
   * and so are the {@code keyPaths} by name.
   */
  public static void assertEveryControllerEndpointDocumented(
      JsonNode docs, RequestMappingHandlerMapping mappings, List<String> keyPaths) {
    Map<String, Set<String>> documented = new TreeMap<>();
    for (var entry : docs.path("paths").properties()) {
      Set<String> methods = new TreeSet<>();
      entry.getValue().propertyNames().forEach(m -> methods.add(m.toLowerCase(Locale.ROOT)));
      documented.put(entry.getKey(), methods);
    }

    Map<String, Set<String>> served = controllerEndpoints(mappings);
    assertThat(served)
        .as("controller endpoints found")
        .isNotEmpty()
        .containsKeys(keyPaths.toArray(String[]::new));
    List<String> missing = new ArrayList<>();
    served.forEach(
        (path, methods) -> {
          for (String method : methods) {
            if (!documented.getOrDefault(path, Set.of()).contains(method)) {
              missing.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
          }
        });
    assertThat(missing).as("served but not in the OpenAPI document").isEmpty();
    assertThat(documented).containsKeys(keyPaths.toArray(String[]::new));
  }

  public static void assertActorIsNotAParameter(String rawDocs) {
    assertThat(rawDocs)
        .doesNotContain("\"name\":\"actor\"")
        .doesNotContain("#/components/schemas/Actor\"");
  }

  /** Path pattern (variables without their regex) to lower-case methods, of our controllers. */
  private static Map<String, Set<String>> controllerEndpoints(
      RequestMappingHandlerMapping mappings) {
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
