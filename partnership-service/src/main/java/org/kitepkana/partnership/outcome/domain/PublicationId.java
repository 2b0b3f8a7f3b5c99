package org.kitepkana.partnership.outcome.domain;

import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.platform.ids.Ulid;

/** A media publication's id: a ULID. */
public record PublicationId(String value) {

  public PublicationId {
    Ulid.require(value, reason -> new InvalidValue("", reason));
  }

  @Override
  public String toString() {
    return value;
  }
}
