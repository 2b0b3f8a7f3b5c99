package org.kitepkana.partnership.partner.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerChange;
import org.kitepkana.partnership.partner.domain.PartnerId;

/**
 * Where partners are kept. Saving a partner also queues the publishable ones among its changes,
 * atomically with the new state.
 */
public interface PartnerRepository {

  /** Inserts a new partner; false when the id is taken. */
  boolean insert(Partner partner, List<PartnerChange> changes);

  /** Replaces the partner if it is still at {@code expectedVersion}; false otherwise. */
  boolean update(Partner partner, long expectedVersion, List<PartnerChange> changes);

  Optional<Partner> find(PartnerId id);

  /** The existing ones among {@code ids}. */
  Map<PartnerId, Partner> findAll(Collection<PartnerId> ids);

  /** Every partner (a full scan; for lists and reports, never on a write path). */
  List<Partner> all();
}
