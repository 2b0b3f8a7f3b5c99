package org.kitepkana.catalog.branch.adapter.out.kafka;

import java.time.Instant;
import java.util.List;
import org.kitepkana.catalog.branch.domain.Branch;
import org.kitepkana.catalog.branch.domain.BranchChange;
import org.kitepkana.platform.events.EventEnvelope;
import org.kitepkana.platform.events.EventEnvelopes;

/**
 * Maps directory changes to the public, compacted topic {@value #TOPIC}: full branch state keyed by
 * branch id. Schemas: {@code contracts/schemas/kitepkana.catalog.branch.*.json}.
 */
public final class BranchEvents {

  public static final String TOPIC = "network.branches.v1";
  public static final String CREATED = "kitepkana.catalog.branch.created";
  public static final String UPDATED = "kitepkana.catalog.branch.updated";

  /** The wire shape of a branch, version 1. */
  record BranchStateV1(
      String branchId,
      long version,
      String name,
      String type,
      String parentId,
      String district,
      String address,
      List<String> languages,
      Instant updatedAt) {}

  private final EventEnvelopes envelopes;

  public BranchEvents(EventEnvelopes envelopes) {
    this.envelopes = envelopes;
  }

  public EventEnvelope toEnvelope(BranchChange change) {
    String type = change instanceof BranchChange.BranchRegistered ? CREATED : UPDATED;
    Branch b = change.branch();
    return envelopes.create(
        TOPIC,
        b.id().value(),
        type,
        new BranchStateV1(
            b.id().value(),
            b.version(),
            b.name(),
            b.type().name(),
            b.parentId() == null ? null : b.parentId().value(),
            b.district(),
            b.address(),
            b.languages(),
            b.updatedAt()));
  }
}
