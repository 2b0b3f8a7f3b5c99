package org.kitepkana.platform.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.kitepkana.platform.security.Actor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document of a service that has springdoc on its classpath: title, description and
 * version from {@code kitepkana.openapi.*}, a bearer-JWT security scheme ({@value #BEARER_JWT})
 * required by every operation (anonymous calls are still possible where the service allows them),
 * and the server given as {@code /}, so that "Try it out" in the gateway's Swagger UI goes through
 * the gateway. Each service serves its document under its own gateway prefix ({@code
 * springdoc.api-docs.path=/api/<service>/v3/api-docs}), so the gateway's existing routes carry it.
 *
 * <p>The {@link Actor} parameter of controller methods is resolved from the token, not from the
 * request: it is left out of the documented parameters.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiAutoConfiguration {

  /** Name of the security scheme in {@code components.securitySchemes}. */
  public static final String BEARER_JWT = "bearer-jwt";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  @Bean
  @ConditionalOnMissingBean
  OpenAPI kitepkanaOpenApi(
      OpenApiProperties properties, @Value("${spring.application.name:service}") String name) {
    return describe(properties, name);
  }

  /** The document's header: info, server, bearer-JWT scheme and requirement. */
  public static OpenAPI describe(OpenApiProperties properties, String applicationName) {
    String title = properties.title().isBlank() ? applicationName : properties.title();
    Info info = new Info().title(title).version(properties.version());
    if (!properties.description().isBlank()) {
      info.description(properties.description());
    }
    return new OpenAPI()
        .info(info)
        .addServersItem(
            new Server().url("/").description("The host that served this document (the gateway)"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER_JWT,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "An access token from the Kitepkana token issuer, with a `roles`"
                                + " claim (coordinator, branch_librarian, partnership_officer,"
                                + " subscriber). Without a token the caller is anonymous.")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER_JWT));
  }
}
