package org.kitepkana.catalog.marc.application;

import org.kitepkana.catalog.marc.domain.ImportCounters;

/** Import throughput for monitoring; told once per applied chunk. */
public interface ImportMetrics {

  void chunkApplied(ImportCounters counters, long bytes);

  ImportMetrics NONE = (counters, bytes) -> {};
}
