package org.kitepkana.partnership.outcome.application;

import java.util.List;
import java.util.Optional;
import org.kitepkana.partnership.outcome.domain.Publication;
import org.kitepkana.partnership.outcome.domain.PublicationId;

/** Where media publications are kept. */
public interface PublicationRepository {

  /** Inserts a new publication; false when the id is taken. */
  boolean insert(Publication publication);

  /** Replaces the publication if it is still at {@code expectedVersion}; false otherwise. */
  boolean update(Publication publication, long expectedVersion);

  Optional<Publication> find(PublicationId id);

  /** Every publication (a full scan; for lists, never on a write path). */
  List<Publication> all();

  /** The publications about a project. */
  List<Publication> aboutProject(String projectId);
}
