package org.kitepkana.partnership.outcome.domain;

import java.time.Instant;
import java.util.Objects;

/** A recorded media publication. */
public record Publication(
    PublicationId id, PublicationDetails details, long version, Instant recordedAt) {

  public Publication {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
