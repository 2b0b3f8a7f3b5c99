package org.kitepkana.devstack;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * One probe of a child process: {@code true} when healthy. A probe may throw; the message of the
 * last failure is reported if the process never becomes healthy.
 */
@FunctionalInterface
public interface HealthCheck {

  boolean isHealthy() throws Exception;

  /** A short human description, for error messages. */
  default String describe() {
    return "health check";
  }

  /** Always healthy (a process without a probe). */
  static HealthCheck none() {
    return () -> true;
  }

  /** A TCP connect to host:port succeeds. */
  static HealthCheck tcp(String host, int port) {
    return new HealthCheck() {
      @Override
      public boolean isHealthy() throws Exception {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(host, port), 1000);
          return true;
        }
      }

      @Override
      public String describe() {
        return "TCP connect to " + host + ":" + port;
      }
    };
  }

  /** {@code GET uri} answers 200. */
  static HealthCheck http(URI uri) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    return new HealthCheck() {
      @Override
      public boolean isHealthy() throws Exception {
        HttpRequest request =
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return true;
        }
        throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
      }

      @Override
      public String describe() {
        return "GET " + uri + " -> 200";
      }
    };
  }

  /**
   * Spring Boot readiness: {@code GET http://127.0.0.1:<port>/actuator/health/readiness} is 200.
   */
  static HealthCheck readiness(int port) {
    return http(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
  }

  /**
   * A Kafka broker: TCP connect to the bootstrap address, then an AdminClient {@code
   * describeCluster} that lists at least one broker.
   */
  static HealthCheck kafka(String host, int port) {
    HealthCheck tcp = tcp(host, port);
    return new HealthCheck() {
      @Override
      public boolean isHealthy() throws Exception {
        if (!tcp.isHealthy()) {
          return false;
        }
        Properties props = new Properties();
        props.putAll(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, host + ":" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "4000",
                AdminClientConfig.CLIENT_ID_CONFIG, "devstack-health"));
        try (Admin admin = Admin.create(props)) {
          int brokers =
              admin
                  .describeCluster(new DescribeClusterOptions().timeoutMs(4000))
                  .nodes()
                  .get(5, TimeUnit.SECONDS)
                  .size();
          return brokers > 0;
        }
      }

      @Override
      public String describe() {
        return "Kafka describeCluster on " + host + ":" + port;
      }
    };
  }
}
