package org.kitepkana.partnership.project.domain;

import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.platform.ids.Ulid;

/** A project's id: a ULID assigned by partnership-service; library events refer to it. */
public record ProjectId(String value) {

  public ProjectId {
    Ulid.require(value, reason -> new InvalidValue("", reason));
  }

  @Override
  public String toString() {
    return value;
  }
}
