package org.kitepkana.events.registration.domain;

import org.kitepkana.platform.ids.Ulid;

/** The id of a reader's registration for a library event (a ULID). */
public record RegistrationId(String value) {

  public RegistrationId {
    Ulid.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
