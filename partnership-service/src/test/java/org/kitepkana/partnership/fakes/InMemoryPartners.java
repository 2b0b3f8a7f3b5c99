package org.kitepkana.partnership.fakes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.partnership.partner.application.PartnerRepository;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerChange;
import org.kitepkana.partnership.partner.domain.PartnerId;

/** Partners in memory; remembers every change it was given, in order. */
public final class InMemoryPartners implements PartnerRepository {

  private final Map<PartnerId, Partner> partners = new LinkedHashMap<>();
  public final List<PartnerChange> changes = new ArrayList<>();

  @Override
  public synchronized boolean insert(Partner partner, List<PartnerChange> changes) {
    if (partners.containsKey(partner.id())) {
      return false;
    }
    partners.put(partner.id(), partner);
    this.changes.addAll(changes);
    return true;
  }

  @Override
  public synchronized boolean update(
      Partner partner, long expectedVersion, List<PartnerChange> changes) {
    Partner stored = partners.get(partner.id());
    if (stored == null || stored.version() != expectedVersion) {
      return false;
    }
    partners.put(partner.id(), partner);
    this.changes.addAll(changes);
    return true;
  }

  @Override
  public synchronized Optional<Partner> find(PartnerId id) {
    return Optional.ofNullable(partners.get(id));
  }

  @Override
  public synchronized Map<PartnerId, Partner> findAll(Collection<PartnerId> ids) {
    Map<PartnerId, Partner> found = new LinkedHashMap<>();
    ids.forEach(id -> find(id).ifPresent(p -> found.put(id, p)));
    return found;
  }

  @Override
  public synchronized List<Partner> all() {
    return List.copyOf(partners.values());
  }
}
