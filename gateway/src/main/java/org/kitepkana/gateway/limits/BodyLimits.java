package org.kitepkana.gateway.limits;

import java.util.List;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The body size limit of a request: its path's own (uploads), else the general one. */
final class BodyLimits {

  private record PathLimit(PathPattern pattern, DataSize limit) {}

  private final DataSize general;
  private final List<PathLimit> paths;

  BodyLimits(RequestLimitsProperties properties) {
    this.general = properties.maxRequestSize();
    this.paths =
        properties.pathLimits().stream()
            .map(
                p ->
                    new PathLimit(
                        PathPatternParser.defaultInstance.parse(p.path()), p.maxRequestSize()))
            .toList();
  }

  /** The limit of the first path pattern the request matches, if any. */
  Optional<DataSize> pathLimitOf(ServerHttpRequest request) {
    for (PathLimit p : paths) {
      if (p.pattern().matches(request.getPath().pathWithinApplication())) {
        return Optional.of(p.limit());
      }
    }
    return Optional.empty();
  }

  DataSize limitOf(ServerHttpRequest request) {
    return pathLimitOf(request).orElse(general);
  }
}
