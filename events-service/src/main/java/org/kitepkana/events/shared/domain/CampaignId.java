package org.kitepkana.events.shared.domain;

import org.kitepkana.platform.ids.Ulid;

/** The id of a network campaign planned by the regional library (a ULID). */
public record CampaignId(String value) {

  public CampaignId {
    Ulid.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
