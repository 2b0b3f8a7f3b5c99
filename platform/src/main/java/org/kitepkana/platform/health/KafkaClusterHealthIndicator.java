package org.kitepkana.platform.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Kafka health: the cluster answers {@code describeCluster} within a few seconds. */
public final class KafkaClusterHealthIndicator extends AbstractHealthIndicator
    implements DisposableBean {

  private static final int TIMEOUT_MS = 3000;
  private final AdminClient admin;

  public KafkaClusterHealthIndicator(Map<String, Object> adminProperties) {
    super("Kafka cluster not reachable");
    var props = new java.util.HashMap<>(adminProperties);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    this.admin = AdminClient.create(props);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
    int nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
    builder
        .up()
        .withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .withDetail("nodes", nodes);
  }

  @Override
  public void destroy() {
    admin.close();
  }
}
