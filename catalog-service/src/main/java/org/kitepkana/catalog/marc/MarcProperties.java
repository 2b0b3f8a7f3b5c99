package org.kitepkana.catalog.marc;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of MARC imports ({@code kitepkana.marc.*}).
 *
 * @param workDir where uploads wait for their job; on local disk of the instance (a shared
 *     directory lets any instance resume any job)
 * @param workers jobs run at once on this instance; more wait in order
 * @param chunkSize records applied per chunk (one matching pass, one save, one progress update)
 * @param lease how long a job stays with an instance that stopped renewing it
 * @param heartbeat how often an instance renews the leases of its jobs
 * @param recoverEvery how often an instance looks for jobs of dead instances
 */
@ConfigurationProperties("kitepkana.marc")
public record MarcProperties(
    Path workDir,
    @DefaultValue("1") int workers,
    @DefaultValue("2000") int chunkSize,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("30s") Duration recoverEvery) {

  public MarcProperties {
    if (workDir == null) {
      workDir = Path.of(System.getProperty("java.io.tmpdir"), "kitepkana-marc-imports");
    }
    if (workers < 1 || chunkSize < 1 || chunkSize > 5000) {
      throw new IllegalArgumentException("kitepkana.marc: workers >= 1, chunk-size 1..5000");
    }
  }
}
