package org.kitepkana.partnership.partner.domain;

import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.platform.ids.Ulid;

/** An agreement's id within its partner: a ULID. */
public record AgreementId(String value) {

  public AgreementId {
    Ulid.require(value, reason -> new InvalidValue("", reason));
  }

  @Override
  public String toString() {
    return value;
  }
}
