package org.kitepkana.gateway.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway applies to every request before routing it.
 *
 * @param maxRequestSize largest request body accepted; a larger one gets 413 (declared by {@code
 *     Content-Length} or counted while a chunked body streams in)
 * @param pathLimits paths with their own limit (uploads such as MARC files); the first whose
 *     pattern matches the request path applies instead of {@code maxRequestSize}
 */
@ConfigurationProperties("kitepkana.gateway")
public record RequestLimitsProperties(
    @DefaultValue("4MB") DataSize maxRequestSize, List<PathLimit> pathLimits) {

  /**
   * A limit for requests whose path matches a Spring path pattern.
   *
   * @param path e.g. {@code /api/catalog/branches/*}{@code /marc-imports}
   * @param maxRequestSize largest request body accepted on that path
   */
  public record PathLimit(String path, DataSize maxRequestSize) {}

  @ConstructorBinding
  public RequestLimitsProperties {
    pathLimits = pathLimits == null ? List.of() : List.copyOf(pathLimits);
  }

  /** The same limit on every path. */
  public RequestLimitsProperties(DataSize maxRequestSize) {
    this(maxRequestSize, List.of());
  }
}
