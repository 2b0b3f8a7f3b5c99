package org.kitepkana.catalog.curation.application;

import java.time.Instant;
import java.util.List;
import org.kitepkana.catalog.curation.domain.CurationOperation;

/** Port: the operations in flight, so that a sweep finds and finishes what a crash interrupted. */
public interface CurationOperations {

  /** Remembers a new operation; false when one with the same id is in flight already. */
  boolean start(CurationOperation operation);

  /** Forgets a finished (or abandoned) operation. */
  void finish(CurationOperation operation);

  /** Operations started before {@code before}, oldest first. */
  List<CurationOperation> startedBefore(Instant before);
}
