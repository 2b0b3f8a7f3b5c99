package org.kitepkana.partnership.partner.application;

import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerType;

/** Which partners a list shows; null fields do not filter. */
public record PartnerFilter(PartnerType type, String district, Boolean active) {

  public boolean matches(Partner p) {
    return (type == null || p.type() == type)
        && (district == null
            || (p.details().district() != null
                && p.details().district().equalsIgnoreCase(district.strip())))
        && (active == null || p.details().active() == active);
  }
}
