package org.kitepkana.events.event.domain;

import org.kitepkana.platform.ids.Ulid;

/** The id of a library event (a ULID). */
public record EventId(String value) {

  public EventId {
    Ulid.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
