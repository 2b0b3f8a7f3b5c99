package org.kitepkana.events.shared.domain;

import org.kitepkana.platform.ids.Ulid;

/** The id of a project, as partnership-service publishes it (a ULID). */
public record ProjectId(String value) {

  public ProjectId {
    Ulid.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
