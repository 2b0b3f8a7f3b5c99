package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kitepkana.devstack.fake.FakeService;

/**
 * The whole {@link Devstack} API against a real broker and store, with stand-in jars for catalog
 * and the gateway (events and partnerships are not built, so they are skipped).
 */
class DevstackIT {

  @TempDir Path tmp;

  @Test
  void startsEverythingLoadsDemoDataOnceAndStopsInReverse() throws Exception {
    Path repo = tmp.resolve("repo");
    fakeJar(repo.resolve("catalog-service/target/catalog-service-exec.jar"));
    fakeJar(repo.resolve("gateway/target/gateway-exec.jar"));
    fakeJar(repo.resolve("auth-server/target/auth-server-exec.jar"));
    Path data = tmp.resolve("data");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(tee(captured, System.out), true, StandardCharsets.UTF_8);
    HttpClient http = HttpClient.newHttpClient();

    List<ManagedProcess> processes;
    try (Devstack stack = builder(repo, data, log).build()) {
      stack.start();

      assertThat(stack.startedServices()).containsExactly("catalog", "gateway");
      assertThat(stack.skippedServices()).containsOnlyKeys("events", "partnerships");
      assertThat(captured.toString(StandardCharsets.UTF_8))
          .contains("skipping events (events-service/target/events-service-exec.jar not built)");

      // URLs and arguments
      PortPlan ports = stack.ports();
      assertThat(stack.gatewayUrl()).isEqualTo("http://127.0.0.1:" + ports.gateway());
      assertThat(stack.serviceUrl("catalog"))
          .isEqualTo("http://127.0.0.1:" + ports.service("catalog"));
      assertThat(stack.kafkaBootstrap()).isEqualTo("127.0.0.1:" + ports.kafka());
      assertThat(stack.mongoUri("catalog"))
          .isEqualTo("mongodb://127.0.0.1:" + ports.mongo() + "/catalog");
      assertThat(get(http, stack.gatewayUrl() + "/actuator/health/readiness")).isEqualTo(200);
      assertThat(Files.readAllLines(data.resolve("work/catalog-1/args.txt")))
          .contains(
              "--server.address=127.0.0.1",
              "--server.port=" + ports.service("catalog"),
              "--spring.mongodb.uri=mongodb://127.0.0.1:" + ports.mongo() + "/catalog",
              "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
              "--kitepkana.instance-id=catalog-1",
              "--kitepkana.security.issuer-uri=http://127.0.0.1:" + ports.auth(),
              "--kitepkana.security.jwk-set-uri=http://127.0.0.1:" + ports.auth() + "/oauth2/jwks");
      assertThat(stack.issuerUri()).isEqualTo("http://127.0.0.1:" + ports.auth());
      assertThat(Files.readAllLines(data.resolve("work/auth-1/args.txt")))
          .contains(
              "--server.port=" + ports.auth(),
              "--kitepkana.auth.issuer=http://127.0.0.1:" + ports.auth(),
              "--kitepkana.auth.librarian-branches="
                  + String.join(
                      ",", DemoData.load().branches().stream().map(DemoData.Branch::id).toList()),
              "--kitepkana.auth.key-file=" + data.resolve("auth/signing-key.json"))
          .noneMatch(arg -> arg.contains(DevstackTokens.demoSecret()));
      assertThat(Files.readAllLines(data.resolve("work/gateway-1/args.txt")))
          .contains(
              "--server.address=127.0.0.1",
              "--server.port=" + ports.gateway(),
              "--kitepkana.services.catalog-uri=http://127.0.0.1:" + ports.service("catalog"),
              "--kitepkana.services.events-uri=http://127.0.0.1:" + ports.service("events"),
              "--kitepkana.services.partnerships-uri=http://127.0.0.1:"
                  + ports.service("partnerships"),
              "--kitepkana.security.issuer-uri=http://127.0.0.1:" + ports.auth());
      assertThatThrownBy(() -> builder(repo, data, log).build().start())
          .isInstanceOf(DevstackException.class)
          .hasMessageContaining("is in use by another running devstack");
      assertThatThrownBy(() -> stack.serviceUrl("events"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("events-service-exec.jar does not exist");

      // demo data went through the gateway, parents first
      int branches = DemoData.load().branches().size();
      List<String> requests = Files.readAllLines(data.resolve("work/gateway-1/requests.log"));
      // then the legal acts: the fake catalog has no databank (404), so that loader stops there
      assertThat(requests).hasSize(2 * branches + 1);
      assertThat(requests.get(0)).isEqualTo("POST /api/catalog/branches");
      assertThat(requests.get(branches))
          .isEqualTo("PUT /api/catalog/branches/naryn-oblast/sync-batches/demo-naryn-oblast-v1");
      assertThat(requests.get(2 * branches)).isEqualTo("POST /api/catalog/legal-acts");
      assertThat(Files.readAllLines(data.resolve("work/gateway-1/authorization.log")))
          .as("every demo request carries the coordinator's token")
          .hasSize(2 * branches + 1)
          .containsOnly("Bearer fake-token");
      assertThat(data.resolve(Devstack.DEMO_MARKER)).exists();
      assertThat(stack.demoDataSummary().orElseThrow().applied())
          .isEqualTo(DemoData.load().itemCount());

      // Kafka really is there
      try (Admin admin = admin(stack.kafkaBootstrap())) {
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      }

      // a second catalog instance on the same store and broker
      int extraPort = PortPlan.findFreePort();
      ManagedProcess extra = stack.startServiceInstance("catalog", extraPort);
      assertThat(extra.name()).isEqualTo("catalog-2");
      assertThat(extra.logFile()).isEqualTo(data.resolve("logs/catalog-2.log"));
      assertThat(get(http, "http://127.0.0.1:" + extraPort + "/actuator/health/readiness"))
          .isEqualTo(200);
      assertThat(Files.readAllLines(data.resolve("work/catalog-2/args.txt")))
          .contains(
              "--kitepkana.instance-id=catalog-2",
              "--spring.mongodb.uri=mongodb://127.0.0.1:" + ports.mongo() + "/catalog");

      // chaos handles
      stack.kafka().kill();
      assertThat(stack.kafka().isAlive()).isFalse();
      stack.kafka().start();
      assertThat(stack.kafka().isHealthy()).isTrue();
      long catalogPid = stack.service("catalog").pid().orElseThrow();
      stack.service("catalog").restart();
      assertThat(stack.service("catalog").pid().orElseThrow()).isNotEqualTo(catalogPid);
      stack.mongo().kill();
      stack.mongo().start();

      assertThat(stack.describe())
          .contains(stack.gatewayUrl(), stack.serviceUrl("catalog"), stack.kafkaBootstrap())
          .contains("(skipped: jar not built)");
      processes = stack.processes();
      assertThat(processes)
          .extracting(ManagedProcess::name)
          .containsExactly("auth", "kafka", "mongo", "catalog", "gateway", "catalog-2");
    }
    assertThat(processes).noneMatch(ManagedProcess::isAlive);

    // a restart on the same data dir: storage is reused, demo data is not loaded again
    captured.reset();
    try (Devstack again = builder(repo, data, log).build()) {
      again.start();
      assertThat(captured.toString(StandardCharsets.UTF_8)).contains("demo data already loaded");
      assertThat(Files.readAllLines(data.resolve("work/gateway-1/requests.log")))
          .hasSize(2 * DemoData.load().branches().size() + 1);
      assertThat(Files.readString(data.resolve("logs/kafka.log")).split("devstack: formatting", -1))
          .hasSize(2);
    }
  }

  @Test
  void resetRefusesADirectoryThatIsNotADevstackDataDir() throws IOException {
    Path precious = Files.createDirectories(tmp.resolve("precious"));
    Files.writeString(precious.resolve("thesis.txt"), "Манас");

    assertThatThrownBy(() -> Devstack.deleteDataDir(precious))
        .isInstanceOf(DevstackException.class)
        .hasMessageContaining("refusing to delete");
    assertThat(precious.resolve("thesis.txt")).exists();

    Files.writeString(precious.resolve(Devstack.DATA_DIR_MARKER), "");
    Devstack.deleteDataDir(precious);
    assertThat(precious).doesNotExist();
  }

  private static Devstack.Builder builder(Path repo, Path data, PrintStream log) {
    return Devstack.builder()
        .dataDir(data)
        .repoRoot(repo)
        .ports(PortPlan.free())
        .mongoInMemory(false)
        .demoData(true)
        .serviceJvmFlags(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
        .log(log);
  }

  private static int get(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(p);
  }

  /** A jar with FakeService as its Main-Class, standing in for a Spring Boot exec jar. */
  private static void fakeJar(Path jar) throws Exception {
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
    Path classes =
        Paths.get(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = classes.resolve("org/kitepkana/devstack/fake");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.list(pkg)) {
      for (Path f : files.toList()) {
        out.putNextEntry(new JarEntry("org/kitepkana/devstack/fake/" + f.getFileName()));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
  }

  private static OutputStream tee(OutputStream a, OutputStream b) {
    return new OutputStream() {
      @Override
      public void write(int c) throws IOException {
        a.write(c);
        b.write(c);
      }

      @Override
      public void write(byte[] buf, int off, int len) throws IOException {
        a.write(buf, off, len);
        b.write(buf, off, len);
      }

      @Override
      public void flush() throws IOException {
        a.flush();
        b.flush();
      }
    };
  }
}
