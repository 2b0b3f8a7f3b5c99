package org.kitepkana.partnership.partner.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.application.PartnerView;
import org.kitepkana.partnership.partner.domain.Agreement;
import org.kitepkana.partnership.partner.domain.Contact;
import org.kitepkana.partnership.partner.domain.Partner;

/** Response bodies of the partner endpoints. */
final class PartnerResponses {

  private PartnerResponses() {}

  /** A partner with everything: for staff. */
  record PartnerResponse(
      String id,
      String name,
      String type,
      String district,
      boolean active,
      List<ContactResponse> contacts,
      List<AgreementResponse> agreements,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  /** A partner as published: for subscribers and the public. */
  record PublishedPartnerResponse(
      String id, String name, String type, String district, boolean active, long version) {}

  record ContactResponse(String name, String position, String phone, String email) {
    static ContactResponse of(Contact c) {
      return new ContactResponse(c.name(), c.position(), c.phone(), c.email());
    }
  }

  record AgreementResponse(
      String id,
      String number,
      LocalDate signedOn,
      LocalDate validFrom,
      LocalDate validUntil,
      String scope,
      List<String> libraryIds) {
    static AgreementResponse of(Agreement a) {
      return new AgreementResponse(
          a.id().value(),
          a.terms().number(),
          a.terms().signedOn(),
          a.terms().validFrom(),
          a.terms().validUntil(),
          a.terms().scope(),
          a.terms().libraryIds().stream().map(LibraryId::value).toList());
    }
  }

  /** An agreement just recorded or revised, with the partner version it produced. */
  record AgreedResponse(String partnerId, long partnerVersion, AgreementResponse agreement) {}

  static Object of(PartnerView view) {
    if (view instanceof PartnerView.Detailed) {
      return detailed(view.partner());
    }
    return published(view.partner());
  }

  static PartnerResponse detailed(Partner p) {
    return new PartnerResponse(
        p.id().value(),
        p.name(),
        p.type().name(),
        p.details().district(),
        p.details().active(),
        p.details().contacts().stream().map(ContactResponse::of).toList(),
        p.agreements().stream().map(AgreementResponse::of).toList(),
        p.version(),
        p.createdAt(),
        p.updatedAt());
  }

  static PublishedPartnerResponse published(Partner p) {
    return new PublishedPartnerResponse(
        p.id().value(),
        p.name(),
        p.type().name(),
        p.details().district(),
        p.details().active(),
        p.version());
  }
}
