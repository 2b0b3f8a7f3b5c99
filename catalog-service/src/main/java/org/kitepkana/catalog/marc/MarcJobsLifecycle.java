package org.kitepkana.catalog.marc;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kitepkana.catalog.marc.application.ImportWorkers;
import org.kitepkana.catalog.marc.application.JobSupervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the lease heartbeat and the recovery of interrupted jobs once the service is up (recovery
 * runs at once, then on a timer); on shutdown stops both and lets running imports stop after their
 * current chunk, so they resume later instead of failing.
 */
final class MarcJobsLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MarcJobsLifecycle.class);

  private final JobSupervisor supervisor;
  private final ImportWorkers workers;
  private final MarcProperties properties;
  private ScheduledExecutorService timer;

  MarcJobsLifecycle(JobSupervisor supervisor, ImportWorkers workers, MarcProperties properties) {
    this.supervisor = supervisor;
    this.workers = workers;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "marc-import-supervisor");
              t.setDaemon(true);
              return t;
            });
    long heartbeat = properties.heartbeat().toMillis();
    timer.scheduleWithFixedDelay(
        () -> quietly("renew MARC import leases", supervisor::heartbeat),
        heartbeat,
        heartbeat,
        TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(
        () ->
            quietly(
                "recover MARC imports",
                () -> {
                  supervisor.recover();
                  supervisor.sweepUploads();
                }),
        0,
        properties.recoverEvery().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static void quietly(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.warn("Could not {}: {}", what, e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    workers.stop(Duration.ofSeconds(10));
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
