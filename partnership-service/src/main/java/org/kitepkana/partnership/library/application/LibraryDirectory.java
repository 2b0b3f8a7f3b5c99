package org.kitepkana.partnership.library.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.partnership.library.domain.Library;
import org.kitepkana.partnership.library.domain.LibraryId;

/**
 * The read model of the network's branch directory, fed from {@code network.branches.v1}. Library
 * ids in partners' agreements and in projects must be known here.
 */
public interface LibraryDirectory {

  /**
   * Stores the branch unless a state of the same or a higher version is stored already; replays and
   * duplicates change nothing.
   *
   * @return true if the stored state changed
   */
  boolean apply(Library library);

  Optional<Library> find(LibraryId id);

  /** The known ones among {@code ids}. */
  Map<LibraryId, Library> findAll(Collection<LibraryId> ids);

  List<Library> all();
}
