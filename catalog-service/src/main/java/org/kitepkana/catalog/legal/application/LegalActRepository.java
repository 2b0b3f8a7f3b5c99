package org.kitepkana.catalog.legal.application;

import java.util.List;
import java.util.Optional;
import org.kitepkana.catalog.legal.domain.LegalAct;
import org.kitepkana.catalog.legal.domain.LegalActChange;
import org.kitepkana.catalog.legal.domain.LegalActId;
import org.kitepkana.catalog.legal.domain.SearchableLegalAct;

/**
 * Where acts are kept. Saving an act also queues its change for publication, atomically with the
 * new state; no two acts share a {@linkplain
 * org.kitepkana.catalog.legal.domain.LegalActDetails#naturalKey() natural key} (issuing body,
 * number, year), which the store itself enforces, so two librarians registering the same act at the
 * same moment get one act and one refusal.
 */
public interface LegalActRepository {

  /** The outcome of a write. */
  sealed interface Saved {
    record Done() implements Saved {}

    /** The act is no longer at the expected version. */
    record StaleVersion() implements Saved {}

    /** Another act has the same natural key; {@code holder} is that act (empty if just gone). */
    record DuplicateKey(Optional<LegalAct> holder) implements Saved {}
  }

  Saved insert(LegalAct act, LegalActChange change);

  /** Replaces the act if it is still at {@code expectedVersion}. */
  Saved update(LegalAct act, long expectedVersion, LegalActChange change);

  Optional<LegalAct> find(LegalActId id);

  /**
   * Every act, for searching: without its full text (the act's {@code text} is null; {@code
   * hasText} in the search answer says whether there is one). A region has a few thousand acts.
   */
  List<SearchableLegalAct> scan();
}
