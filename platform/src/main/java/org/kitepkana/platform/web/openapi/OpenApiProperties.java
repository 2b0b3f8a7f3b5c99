package org.kitepkana.platform.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's OpenAPI document says about itself ({@code kitepkana.openapi}).
 *
 * @param title the API's name; blank: the application name
 * @param description what the API is for, in a sentence or two (Markdown)
 * @param version the API's version
 */
@ConfigurationProperties("kitepkana.openapi")
public record OpenApiProperties(
    @DefaultValue("") String title,
    @DefaultValue("") String description,
    @DefaultValue("1") String version) {}
