package org.kitepkana.partnership.project.domain;

/** What a partner does in a project. */
public enum PartnerRole {
  FUNDER,
  CO_ORGANISER,
  MEDIA,
  VENUE,
  INFORMATION
}
