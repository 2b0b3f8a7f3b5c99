package org.kitepkana.partnership.fakes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.library.domain.Library;
import org.kitepkana.partnership.library.domain.LibraryId;

/** The branch directory read model in memory. */
public final class InMemoryLibraries implements LibraryDirectory {

  private final Map<LibraryId, Library> libraries =
      new TreeMap<>((a, b) -> a.value().compareTo(b.value()));

  public InMemoryLibraries with(String id, String type, String district) {
    apply(new Library(new LibraryId(id), "Китепкана " + id, type, null, district, 1));
    return this;
  }

  @Override
  public synchronized boolean apply(Library library) {
    Library stored = libraries.get(library.id());
    if (stored != null && stored.version() >= library.version()) {
      return false;
    }
    libraries.put(library.id(), library);
    return true;
  }

  @Override
  public synchronized Optional<Library> find(LibraryId id) {
    return Optional.ofNullable(libraries.get(id));
  }

  @Override
  public synchronized Map<LibraryId, Library> findAll(Collection<LibraryId> ids) {
    Map<LibraryId, Library> found = new LinkedHashMap<>();
    ids.forEach(id -> find(id).ifPresent(l -> found.put(id, l)));
    return found;
  }

  @Override
  public synchronized List<Library> all() {
    return List.copyOf(libraries.values());
  }
}
