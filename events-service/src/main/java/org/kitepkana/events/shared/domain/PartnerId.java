package org.kitepkana.events.shared.domain;

import org.kitepkana.platform.ids.Ulid;

/** The id of a partner of the library network, as partnership-service publishes it (a ULID). */
public record PartnerId(String value) {

  public PartnerId {
    Ulid.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
