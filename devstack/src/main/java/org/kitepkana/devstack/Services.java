package org.kitepkana.devstack;

import java.util.List;
import java.util.Optional;

/**
 * The service table. A service is started only if its jar exists; adding a service is one line in
 * {@link #BACKENDS} (the gateway then also gets {@code --kitepkana.services.<name>-uri}).
 */
public final class Services {

  /** Backend services, started (in parallel) after Kafka and Mongo, before the gateway. */
  public static final List<ServiceSpec> BACKENDS =
      List.of(
          new ServiceSpec(
              "catalog",
              "catalog-service/target/catalog-service-exec.jar",
              8081,
              "catalog",
              List.of()),
          new ServiceSpec(
              "events", "events-service/target/events-service-exec.jar", 8082, "events", List.of()),
          new ServiceSpec(
              "partnerships",
              "partnership-service/target/partnership-service-exec.jar",
              8083,
              "partnerships",
              List.of()));

  /**
   * The devstack token issuer, started first: every backend and the gateway trust its tokens, and
   * the demo loaders use a coordinator's.
   */
  public static final ServiceSpec AUTH_SERVER =
      new ServiceSpec("auth", "auth-server/target/auth-server-exec.jar", 9000, null, List.of());

  /** The gateway, started last; it routes to every backend in the table. */
  public static final ServiceSpec GATEWAY =
      new ServiceSpec(
          "gateway",
          "gateway/target/gateway-exec.jar",
          8080,
          null,
          // On a laptop every anonymous client is 127.0.0.1 (one bucket), and the tests and
          // benchmarks all act as the one demo coordinator: keep limits, but far above their rates.
          List.of(
              "--kitepkana.gateway.rate-limits.roles.anonymous.requests-per-second=2000",
              "--kitepkana.gateway.rate-limits.roles.anonymous.burst=4000",
              "--kitepkana.gateway.rate-limits.roles.coordinator.requests-per-second=5000",
              "--kitepkana.gateway.rate-limits.roles.coordinator.burst=10000"));

  private Services() {}

  /** A backend, the gateway or the issuer by name. */
  public static Optional<ServiceSpec> find(String name) {
    if (GATEWAY.name().equals(name)) {
      return Optional.of(GATEWAY);
    }
    if (AUTH_SERVER.name().equals(name)) {
      return Optional.of(AUTH_SERVER);
    }
    return BACKENDS.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
