package org.kitepkana.partnership.partner.domain;

import java.util.Objects;

/** An agreement of a partner with libraries of the network, under its own id. */
public record Agreement(AgreementId id, AgreementTerms terms) {

  public Agreement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(terms, "terms");
  }
}
