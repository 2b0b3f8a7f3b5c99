package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerConfigTest {

  @TempDir Path dir;

  private KafkaBroker broker(Path dataDir) {
    return KafkaBroker.builder()
        .dataDir(dataDir)
        .port(19092)
        .controllerPort(19093)
        .classpath("unused")
        .build();
  }

  @Test
  void singleNodeKraftOnLoopback() {
    Map<String, String> p = broker(dir).serverProperties();

    assertThat(p)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry(
            "advertised.listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("controller.listener.names", "CONTROLLER")
        .containsEntry("inter.broker.listener.name", "PLAINTEXT")
        .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT")
        .doesNotContainKey("controller.quorum.voters");
  }

  @Test
  void devDefaults() {
    Map<String, String> p = broker(dir).serverProperties();

    assertThat(p)
        .containsEntry("num.partitions", "3")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("auto.create.topics.enable", "true")
        .containsEntry("broker.session.timeout.ms", "3000")
        .containsEntry("log.dirs", dir.toAbsolutePath().resolve("kafka/data").toString());
  }

  @Test
  void overridesWin() {
    KafkaBroker b =
        KafkaBroker.builder()
            .dataDir(dir)
            .port(1)
            .controllerPort(2)
            .classpath("x")
            .property("num.partitions", "6")
            .build();

    assertThat(b.serverProperties()).containsEntry("num.partitions", "6");
  }

  @Test
  void rejectsTheSamePortTwice() {
    assertThatThrownBy(
            () -> KafkaBroker.builder().dataDir(dir).port(9092).controllerPort(9092).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesAPropertiesFileThatReadsBackExactlyEvenWithCyrillicPaths() throws Exception {
    Path data = dir.resolve("Нарын китепкана data");
    KafkaBroker b = broker(data);

    b.writeConfig();

    Properties read = new Properties();
    // the broker reads server.properties as ISO-8859-1 (java.util.Properties#load(InputStream))
    try (var in = Files.newInputStream(b.configFile())) {
      read.load(in);
    }
    assertThat(read).hasSize(b.serverProperties().size());
    b.serverProperties().forEach((k, v) -> assertThat(read.getProperty(k)).isEqualTo(v));
    assertThat(read.getProperty("log.dirs")).contains("Нарын китепкана data");
    assertThat(b.log4jConfig()).exists();
    assertThat(Files.readString(b.log4jConfig())).contains("${sys:kafka.logs.dir");
    assertThat(b.isFormatted()).isFalse();
    assertThat(b.bootstrap()).isEqualTo("127.0.0.1:19092");
  }

  @Test
  void brokerCommandUsesTheClasspathAndParentWatch() {
    KafkaBroker b = broker(dir);
    var cmd = b.process().command();

    assertThat(cmd).containsSubsequence("-cp", "unused", "kafka.Kafka");
    assertThat(cmd)
        .contains("-javaagent:" + dir.toAbsolutePath().resolve(ParentWatch.AGENT_JAR))
        .contains("-Xmx768m");
    assertThat(cmd.get(cmd.size() - 1)).isEqualTo(b.configFile().toString());
    assertThat(cmd).contains("-Dlog4j2.configurationFile=" + b.log4jConfig());
    assertThat(b.process().logFile()).isEqualTo(dir.toAbsolutePath().resolve("logs/kafka.log"));
  }

  @Test
  void escapesLikeJavaUtilProperties() throws Exception {
    String value = "C:\\data\\Ат-Башы";
    Properties p = new Properties();
    p.load(new StringReader("k=" + KafkaBroker.escape(value)));
    assertThat(p.getProperty("k")).isEqualTo(value);
  }
}
