package org.kitepkana.partnership.partner.domain;

/**
 * What happened to a partner. Each carries the partner's full state after the change. Only
 * registrations and profile revisions are published; contacts and agreements stay inside.
 */
public sealed interface PartnerChange {

  Partner partner();

  /** A partner was recorded. */
  record PartnerRegistered(Partner partner) implements PartnerChange {}

  /** The partner's name, type, district or activity changed. */
  record ProfileRevised(Partner partner) implements PartnerChange {}

  /** The partner's contacts changed. */
  record ContactsRevised(Partner partner) implements PartnerChange {}

  /** An agreement with libraries of the network was recorded. */
  record AgreementRecorded(Partner partner, Agreement agreement) implements PartnerChange {}

  /** The terms of an agreement were corrected. */
  record AgreementRevised(Partner partner, Agreement agreement) implements PartnerChange {}
}
