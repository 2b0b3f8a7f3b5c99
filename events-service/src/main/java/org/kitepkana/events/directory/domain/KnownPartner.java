package org.kitepkana.events.directory.domain;

import java.util.Objects;
import org.kitepkana.events.shared.domain.PartnerId;

/** A partner of the network (an organisation, never a person's contacts) as published. */
public record KnownPartner(PartnerId id, String name, String type, boolean active, long version) {

  public KnownPartner {
    Objects.requireNonNull(id, "id");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
  }
}
