package org.kitepkana.partnership.project.domain;

import java.util.Locale;
import java.util.Set;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;

/**
 * A participant from outside the region's library network: a library of another oblast, the
 * national library, a library abroad.
 *
 * @param country ISO 3166-1 alpha-2 code, {@code KG} for Kyrgyzstan
 */
public record ExternalParticipant(String name, String country) {

  public static final String HOME = "KG";
  private static final Set<String> COUNTRIES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  public ExternalParticipant {
    name = Text.required("name", name, 300);
    if (country == null || !COUNTRIES.contains(country.strip().toUpperCase(Locale.ROOT))) {
      throw new InvalidValue("country", "must be an ISO 3166-1 alpha-2 country code such as KG");
    }
    country = country.strip().toUpperCase(Locale.ROOT);
  }

  public boolean isAbroad() {
    return !HOME.equals(country);
  }
}
