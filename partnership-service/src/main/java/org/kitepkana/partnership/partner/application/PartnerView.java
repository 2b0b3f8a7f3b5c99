package org.kitepkana.partnership.partner.application;

import org.kitepkana.partnership.partner.domain.Partner;

/** A partner as the asking actor may see it. */
public sealed interface PartnerView {

  Partner partner();

  /** Everything, contacts and agreements included: for staff of the network. */
  record Detailed(Partner partner) implements PartnerView {}

  /** Only what is published on the partners topic: for subscribers and the public. */
  record Published(Partner partner) implements PartnerView {}
}
