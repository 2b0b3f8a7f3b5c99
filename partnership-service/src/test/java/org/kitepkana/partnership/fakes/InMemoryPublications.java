package org.kitepkana.partnership.fakes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.partnership.outcome.application.PublicationRepository;
import org.kitepkana.partnership.outcome.domain.Publication;
import org.kitepkana.partnership.outcome.domain.PublicationId;

/** Media publications in memory. */
public final class InMemoryPublications implements PublicationRepository {

  private final Map<PublicationId, Publication> publications = new LinkedHashMap<>();

  @Override
  public synchronized boolean insert(Publication publication) {
    return publications.putIfAbsent(publication.id(), publication) == null;
  }

  @Override
  public synchronized boolean update(Publication publication, long expectedVersion) {
    Publication stored = publications.get(publication.id());
    if (stored == null || stored.version() != expectedVersion) {
      return false;
    }
    publications.put(publication.id(), publication);
    return true;
  }

  @Override
  public synchronized Optional<Publication> find(PublicationId id) {
    return Optional.ofNullable(publications.get(id));
  }

  @Override
  public synchronized List<Publication> all() {
    return List.copyOf(publications.values());
  }

  @Override
  public synchronized List<Publication> aboutProject(String projectId) {
    return publications.values().stream()
        .filter(
            p ->
                p.details().projectId() != null
                    && p.details().projectId().value().equals(projectId))
        .toList();
  }
}
