package org.kitepkana.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access for browser clients ({@code kitepkana.gateway.cors}).
 *
 * @param allowedOrigins origins (scheme, host and port, e.g. {@code http://127.0.0.1:5173}) whose
 *     pages may call the API; empty: no cross-origin access at all
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("kitepkana.gateway.cors")
public record CorsProperties(List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {

  public CorsProperties {
    allowedOrigins =
        allowedOrigins == null
            ? List.of()
            : allowedOrigins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
