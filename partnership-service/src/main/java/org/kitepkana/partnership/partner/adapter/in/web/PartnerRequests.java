package org.kitepkana.partnership.partner.adapter.in.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kitepkana.partnership.common.adapter.in.web.RequestErrors;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.AgreementTerms;
import org.kitepkana.partnership.partner.domain.Contact;
import org.kitepkana.partnership.partner.domain.PartnerDetails;
import org.kitepkana.partnership.partner.domain.PartnerType;

/** Request bodies of the partner endpoints, and their translation into domain values. */
final class PartnerRequests {

  private PartnerRequests() {}

  /** A partner as an officer sends it. {@code version} is an optional optimistic check. */
  record PartnerRequest(
      String name,
      String type,
      String district,
      @Size(max = 20) List<ContactRequest> contacts,
      Boolean active,
      Long version) {

    PartnerDetails details() {
      RequestErrors errors = new RequestErrors();
      PartnerType partnerType = errors.enumValue("type", type, PartnerType.class, true);
      List<Contact> people = new ArrayList<>();
      List<ContactRequest> given = contacts == null ? List.of() : contacts;
      for (int i = 0; i < given.size(); i++) {
        ContactRequest c = given.get(i);
        if (c == null) {
          errors.add(RequestErrors.at("contacts", i), "must not be null");
          continue;
        }
        Contact contact =
            errors.value(
                RequestErrors.at("contacts", i),
                () -> new Contact(c.name(), c.position(), c.phone(), c.email()));
        if (contact != null) {
          people.add(contact);
        }
      }
      boolean isActive = active == null || active;
      PartnerDetails details =
          errors.value("", () -> new PartnerDetails(name, partnerType, district, people, isActive));
      errors.throwIfAny();
      return details;
    }
  }

  /** A contact person. */
  record ContactRequest(String name, String position, String phone, String email) {}

  /** An agreement's terms. {@code version} is an optional check of the partner's version. */
  record AgreementRequest(
      String number,
      LocalDate signedOn,
      LocalDate validFrom,
      LocalDate validUntil,
      String scope,
      @Size(max = 100) List<String> libraryIds,
      Long version) {

    AgreementTerms terms() {
      RequestErrors errors = new RequestErrors();
      List<LibraryId> libraries = new ArrayList<>();
      List<String> given = libraryIds == null ? List.of() : libraryIds;
      for (int i = 0; i < given.size(); i++) {
        String raw = given.get(i);
        LibraryId id = errors.value(RequestErrors.at("libraryIds", i), () -> new LibraryId(raw));
        if (id != null) {
          libraries.add(id);
        }
      }
      errors.throwIfAny();
      AgreementTerms terms =
          errors.value(
              "",
              () -> new AgreementTerms(number, signedOn, validFrom, validUntil, scope, libraries));
      errors.throwIfAny();
      return terms;
    }
  }
}
