package org.kitepkana.partnership.partner.domain;

import java.util.List;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;

/** What an officer states about a partner: everything but its id, agreements and version. */
public record PartnerDetails(
    String name, PartnerType type, String district, List<Contact> contacts, boolean active) {

  public PartnerDetails {
    name = Text.required("name", name, 300);
    if (type == null) {
      throw new InvalidValue("type", "must not be null");
    }
    district = Text.optional("district", district, 200);
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
    if (contacts.size() > 20) {
      throw new InvalidValue("contacts", "at most 20 contacts");
    }
  }

  /** The part of the details that is published on the partners topic. */
  public PartnerProfile profile() {
    return new PartnerProfile(name, type, district, active);
  }
}
