package org.kitepkana.catalog.legal.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.catalog.legal.domain.LegalAct;
import org.kitepkana.catalog.legal.domain.LegalActChange;
import org.kitepkana.catalog.legal.domain.LegalActId;
import org.kitepkana.catalog.legal.domain.SearchableLegalAct;

/**
 * An in-memory {@link LegalActRepository} that enforces versions and natural keys like the store.
 */
final class InMemoryLegalActs implements LegalActRepository {

  final Map<LegalActId, LegalAct> acts = new LinkedHashMap<>();
  final List<LegalActChange> published = new ArrayList<>();

  @Override
  public synchronized Saved insert(LegalAct act, LegalActChange change) {
    Optional<LegalAct> holder = holderOf(act);
    if (holder.isPresent()) {
      return new Saved.DuplicateKey(holder);
    }
    acts.put(act.id(), act);
    published.add(change);
    return new Saved.Done();
  }

  @Override
  public synchronized Saved update(LegalAct act, long expectedVersion, LegalActChange change) {
    LegalAct current = acts.get(act.id());
    if (current == null || current.version() != expectedVersion) {
      return new Saved.StaleVersion();
    }
    Optional<LegalAct> holder = holderOf(act);
    if (holder.isPresent()) {
      return new Saved.DuplicateKey(holder);
    }
    acts.put(act.id(), act);
    published.add(change);
    return new Saved.Done();
  }

  @Override
  public synchronized Optional<LegalAct> find(LegalActId id) {
    return Optional.ofNullable(acts.get(id));
  }

  @Override
  public synchronized List<SearchableLegalAct> scan() {
    return acts.values().stream().map(SearchableLegalAct::of).toList();
  }

  private Optional<LegalAct> holderOf(LegalAct act) {
    return acts.values().stream()
        .filter(a -> !a.id().equals(act.id()))
        .filter(a -> a.details().naturalKey().equals(act.details().naturalKey()))
        .findFirst();
  }
}
