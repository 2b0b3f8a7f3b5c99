package org.kitepkana.partnership.project.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.partner.domain.PartnerId;

/** A partner of a project with its roles in it (at least one). */
public record ProjectPartner(PartnerId partnerId, List<PartnerRole> roles) {

  public ProjectPartner {
    if (partnerId == null) {
      throw new InvalidValue("partnerId", "must not be null");
    }
    if (roles == null || roles.isEmpty()) {
      throw new InvalidValue("roles", "at least one role");
    }
    if (roles.stream().anyMatch(Objects::isNull)) {
      throw new InvalidValue("roles", "must not contain null");
    }
    roles = List.copyOf(EnumSet.copyOf(roles));
  }
}
