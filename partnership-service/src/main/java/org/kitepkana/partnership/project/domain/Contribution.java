package org.kitepkana.partnership.project.domain;

import java.time.LocalDate;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;
import org.kitepkana.partnership.partner.domain.PartnerId;

/**
 * What a partner gave to a project: money, or something in kind (books, equipment, a hall,
 * transport) valued in money.
 *
 * @param value the money given, or the valuation of what was given in kind
 * @param receivedOn when it was received; funds count in reports for this date's year
 * @param description what was given; required for a contribution in kind
 */
public record Contribution(
    ContributionKind kind,
    PartnerId partnerId,
    Amount value,
    LocalDate receivedOn,
    String description) {

  public Contribution {
    if (kind == null) {
      throw new InvalidValue("kind", "must not be null");
    }
    if (partnerId == null) {
      throw new InvalidValue("partnerId", "must not be null");
    }
    if (value == null) {
      throw new InvalidValue("amount", "must not be null");
    }
    if (receivedOn == null) {
      throw new InvalidValue("receivedOn", "must not be null");
    }
    if (receivedOn.isBefore(Period.EARLIEST) || receivedOn.isAfter(Period.LATEST)) {
      throw new InvalidValue(
          "receivedOn", "must be between " + Period.EARLIEST + " and " + Period.LATEST);
    }
    description =
        kind == ContributionKind.IN_KIND
            ? Text.required("description", description, 500)
            : Text.optional("description", description, 500);
  }
}
