package org.kitepkana.partnership.partner.domain;

import org.kitepkana.partnership.common.domain.Ulid;

/** An agreement's id within its partner: a ULID. */
public record AgreementId(String value) {

  public AgreementId {
    Ulid.require("", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
