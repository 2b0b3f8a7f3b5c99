package org.kitepkana.partnership.library.domain;

import java.util.Objects;

/**
 * What partnership-service knows of a library of the network: the latest state catalog-service
 * published for the branch.
 *
 * @param type REGIONAL, CITY, DISTRICT, VILLAGE or CHILDREN, as published
 * @param district the district (raion) or city it serves; null if not recorded
 * @param version the branch version this state comes from
 */
public record Library(
    LibraryId id, String name, String type, String parentId, String district, long version) {

  public Library {
    Objects.requireNonNull(id, "id");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
  }

  /** The district folded for comparison ("Ат-Башы" and "ат-башы " are one district). */
  public String districtKey() {
    return district == null || district.isBlank() ? null : district.strip().toLowerCase();
  }
}
