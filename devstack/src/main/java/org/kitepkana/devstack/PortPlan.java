package org.kitepkana.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ports devstack binds on 127.0.0.1. {@link #fixed()} is the well-known layout for a developer
 * box; {@link #free()} picks free ports (for tests, or a second stack next to a running one).
 */
public final class PortPlan {

  public static final String GATEWAY = "gateway";
  public static final String AUTH = "auth";
  public static final String KAFKA = "kafka";
  public static final String KAFKA_CONTROLLER = "kafka-controller";
  public static final String MONGO = "mongo";

  /** Ports handed out by {@link #findFreePort()} in this JVM, so two free plans never collide. */
  private static final Set<Integer> HANDED_OUT = Collections.synchronizedSet(new HashSet<>());

  private final boolean free;
  private final Map<String, Integer> ports = new LinkedHashMap<>();

  private PortPlan(boolean free) {
    this.free = free;
  }

  /**
   * gateway 8080, catalog 8081, events 8082, partnerships 8083, token issuer 9000 (from {@link
   * Services}), kafka 9092, kafka controller 9093, mongo 27018.
   */
  public static PortPlan fixed() {
    PortPlan plan = new PortPlan(false);
    plan.ports.put(GATEWAY, Services.GATEWAY.defaultPort());
    plan.ports.put(AUTH, Services.AUTH_SERVER.defaultPort());
    for (ServiceSpec spec : Services.BACKENDS) {
      plan.ports.put(spec.name(), spec.defaultPort());
    }
    plan.ports.put(KAFKA, 9092);
    plan.ports.put(KAFKA_CONTROLLER, 9093);
    plan.ports.put(MONGO, 27018);
    return plan;
  }

  /** Free ports for every known key, picked now; unknown keys get a free port on first use. */
  public static PortPlan free() {
    PortPlan plan = new PortPlan(true);
    for (String key : fixed().ports.keySet()) {
      plan.ports.put(key, findFreePort());
    }
    return plan;
  }

  /** A copy of this plan with one port replaced. */
  public synchronized PortPlan with(String key, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    PortPlan copy = new PortPlan(free);
    copy.ports.putAll(ports);
    copy.ports.put(key, port);
    return copy;
  }

  public boolean isFree() {
    return free;
  }

  public int gateway() {
    return port(GATEWAY);
  }

  /** The token issuer's port. */
  public int auth() {
    return port(AUTH);
  }

  public int kafka() {
    return port(KAFKA);
  }

  public int kafkaController() {
    return port(KAFKA_CONTROLLER);
  }

  public int mongo() {
    return port(MONGO);
  }

  /** The port of a backend service ({@code catalog}, ...) or of the gateway. */
  public int service(String name) {
    return port(name);
  }

  /**
   * The port for a key. A fixed plan knows only its keys; a free plan assigns a free port to a new
   * key on first use.
   */
  public synchronized int port(String key) {
    Integer port = ports.get(key);
    if (port == null) {
      if (!free) {
        throw new IllegalArgumentException(
            "no fixed port for '" + key + "'; known: " + ports.keySet());
      }
      port = findFreePort();
      ports.put(key, port);
    }
    return port;
  }

  /** Every key and port assigned so far, in a stable order. */
  public synchronized Map<String, Integer> assigned() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(ports));
  }

  /** A port that is free on 127.0.0.1 now and was not handed out before in this JVM. */
  public static int findFreePort() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = socket.getLocalPort();
        if (HANDED_OUT.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
      }
    }
    throw new IllegalStateException("cannot find a free port on 127.0.0.1 after 50 attempts");
  }

  /** Whether nothing listens on 127.0.0.1:port (binding it succeeds). */
  public static boolean isPortFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public synchronized String toString() {
    return (free ? "free" : "fixed") + ports;
  }
}
