package org.kitepkana.partnership.partner.domain;

import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.platform.ids.Ulid;

/** A partner's id: a ULID assigned by partnership-service. */
public record PartnerId(String value) {

  public PartnerId {
    Ulid.require(value, reason -> new InvalidValue("", reason));
  }

  @Override
  public String toString() {
    return value;
  }
}
