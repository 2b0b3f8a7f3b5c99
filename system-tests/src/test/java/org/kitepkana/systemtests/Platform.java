package org.kitepkana.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kitepkana.devstack.Devstack;
import org.kitepkana.devstack.PortPlan;

/**
 * The platform under test, started once per test JVM as separate processes by the devstack
 * launcher: the token issuer, a KRaft broker, a MongoDB-wire store, the services and the gateway,
 * on free ports in a temporary folder. Tests reach it only from outside: HTTP through the gateway
 * with tokens from the issuer, a plain Kafka consumer, a plain MongoDB client.
 */
final class Platform {

  private static Devstack stack;
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private Platform() {}

  static synchronized Devstack stack() {
    if (stack == null) {
      try {
        Path dir = Files.createTempDirectory("kitepkana-system-");
        stack =
            Devstack.builder()
                .dataDir(dir)
                .ports(PortPlan.free())
                .mongoInMemory(true)
                .demoData(false)
                .startTimeout(Duration.ofMinutes(3))
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return stack;
  }

  static GatewayClient gateway() {
    return new GatewayClient(stack().gatewayUrl());
  }

  /**
   * An access token for a devstack demo client ({@code coordinator}, {@code partnership-officer},
   * {@code subscriber}, {@code librarian-<branchId>}), fetched once per test JVM (tokens live an
   * hour).
   */
  static String token(String clientId) {
    return TOKENS.computeIfAbsent(clientId, id -> stack().token(id));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
