package org.kitepkana.catalog.curation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kitepkana.catalog.curation.application.CurationSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the {@link CurationSweep} at start and then every interval, on one daemon thread. */
final class CurationSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CurationSweeper.class);

  private final CurationSweep sweep;
  private final Duration interval;
  private ScheduledExecutorService timer;

  CurationSweeper(CurationSweep sweep, Duration interval) {
    this.sweep = sweep;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "curation-sweep");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::sweepOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sweepOnce() {
    try {
      sweep.resumeStale();
    } catch (RuntimeException e) {
      log.warn("Curation sweep failed, trying again in {}: {}", interval, e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
