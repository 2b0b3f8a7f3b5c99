package org.kitepkana.partnership.outcome.domain;

import org.kitepkana.partnership.common.domain.Ulid;

/** A media publication's id: a ULID. */
public record PublicationId(String value) {

  public PublicationId {
    Ulid.require("", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
