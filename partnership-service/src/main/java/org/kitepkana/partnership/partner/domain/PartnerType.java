package org.kitepkana.partnership.partner.domain;

/** The kinds of social partner a library network works with. */
public enum PartnerType {
  /** A body of local self-government: city hall, ayil okmotu, district administration. */
  LOCAL_GOVERNMENT,
  /** A state body or its regional office. */
  STATE_BODY,
  NGO,
  /** A newspaper, radio, TV channel or online outlet. */
  MEDIA,
  BUSINESS,
  INTERNATIONAL_DONOR,
  /** Schools, colleges, universities. */
  EDUCATION,
  /** Clinics, family medicine centres. */
  HEALTH,
  /** Theatres, museums, houses of culture. */
  CULTURE,
  /** A private person. */
  INDIVIDUAL
}
