package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class PortPlanTest {

  @Test
  void fixedPlanHasTheWellKnownPorts() {
    PortPlan plan = PortPlan.fixed();

    assertThat(plan.isFree()).isFalse();
    assertThat(plan.gateway()).isEqualTo(8080);
    assertThat(plan.service("catalog")).isEqualTo(8081);
    assertThat(plan.service("events")).isEqualTo(8082);
    assertThat(plan.service("partnerships")).isEqualTo(8083);
    assertThat(plan.kafka()).isEqualTo(9092);
    assertThat(plan.kafkaController()).isEqualTo(9093);
    assertThat(plan.mongo()).isEqualTo(27018);
    assertThat(plan.auth()).isEqualTo(9000);
    assertThat(plan.assigned())
        .containsKeys(
            "gateway",
            "auth",
            "catalog",
            "events",
            "partnerships",
            "kafka",
            "kafka-controller",
            "mongo");
  }

  @Test
  void fixedPlanRejectsUnknownKeys() {
    assertThatThrownBy(() -> PortPlan.fixed().port("loans"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loans");
  }

  @Test
  void freePlanPicksDistinctBindablePortsAndExtendsOnDemand() throws Exception {
    PortPlan plan = PortPlan.free();
    PortPlan other = PortPlan.free();

    assertThat(plan.isFree()).isTrue();
    var ports = new HashSet<>(plan.assigned().values());
    assertThat(ports).hasSize(plan.assigned().size()).hasSize(8);
    ports.retainAll(other.assigned().values());
    assertThat(ports).as("two free plans in one JVM share no port").isEmpty();

    int extra = plan.port("catalog-2");
    assertThat(plan.port("catalog-2")).isEqualTo(extra);
    assertThat(plan.assigned()).containsEntry("catalog-2", extra);
    for (int port : plan.assigned().values()) {
      assertThat(PortPlan.isPortFree(port)).as("port %d is free", port).isTrue();
    }
  }

  @Test
  void withReplacesOnePortInACopy() {
    PortPlan plan = PortPlan.fixed();
    PortPlan changed = plan.with(PortPlan.MONGO, 27017);

    assertThat(changed.mongo()).isEqualTo(27017);
    assertThat(plan.mongo()).isEqualTo(27018);
    assertThatThrownBy(() -> plan.with("kafka", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void detectsAPortInUse() throws Exception {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      assertThat(PortPlan.isPortFree(socket.getLocalPort())).isFalse();
    }
  }
}
