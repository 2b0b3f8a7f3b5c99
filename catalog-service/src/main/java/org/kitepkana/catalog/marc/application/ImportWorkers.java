package org.kitepkana.catalog.marc.application;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kitepkana.catalog.marc.domain.MarcJobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's import workers: a fixed number of threads, each running one job at a time; jobs
 * beyond that wait in order. A job already queued here is not queued twice.
 */
public final class ImportWorkers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ImportWorkers.class);

  private final ImportRunner runner;
  private final ExecutorService pool;
  private final Set<MarcJobId> here = ConcurrentHashMap.newKeySet();

  public ImportWorkers(ImportRunner runner, int threads) {
    this.runner = runner;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "marc-import-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues the job unless it is queued or running here already. */
  public void submit(MarcJobId id) {
    if (!here.add(id)) {
      return;
    }
    pool.execute(
        () -> {
          try {
            runner.run(id);
          } catch (RuntimeException e) {
            log.error("MARC import {} ended unexpectedly", id, e);
          } finally {
            here.remove(id);
          }
        });
  }

  /**
   * Stops taking jobs and interrupts running ones after the current chunk; an interrupted job keeps
   * its file and is resumed by the next owner of its lease.
   */
  public void stop(Duration grace) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
