package org.kitepkana.catalog.curation.domain;

import java.time.Instant;
import java.util.Objects;
import org.kitepkana.catalog.record.domain.HoldingRef;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * A coordinator operation that touches several records, remembered until it is finished so that a
 * crash in the middle is resumed, never left half done. Its id is also its lock: one merge per
 * merged record, one move per holding at a time.
 */
public sealed interface CurationOperation {

  /** The operation's id: {@code merge:<merged record>} or {@code move:<branch>|<item>}. */
  String id();

  /** Who asked for it (an actor's subject), for the audit trail. */
  String requestedBy();

  Instant startedAt();

  /** Merge {@code merged} into {@code survivor}. */
  record Merge(RecordId merged, RecordId survivor, String requestedBy, Instant startedAt)
      implements CurationOperation {

    public Merge {
      Objects.requireNonNull(merged, "merged");
      Objects.requireNonNull(survivor, "survivor");
      Objects.requireNonNull(startedAt, "startedAt");
    }

    @Override
    public String id() {
      return "merge:" + merged.value();
    }
  }

  /** Move one holding from record {@code from} to record {@code to}. */
  record Move(HoldingRef holding, RecordId from, RecordId to, String requestedBy, Instant startedAt)
      implements CurationOperation {

    public Move {
      Objects.requireNonNull(holding, "holding");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(startedAt, "startedAt");
    }

    @Override
    public String id() {
      return "move:" + holding.key();
    }
  }
}
