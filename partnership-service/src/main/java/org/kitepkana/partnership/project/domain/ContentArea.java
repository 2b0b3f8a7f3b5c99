package org.kitepkana.partnership.project.domain;

/** The main content of a project; a project has one or more. */
public enum ContentArea {
  LEGAL_INFORMATION,
  LOCAL_SELF_GOVERNMENT,
  EDUCATION,
  HEALTH,
  LEISURE,
  CULTURE_AND_HERITAGE,
  DIGITAL_LITERACY,
  ECOLOGY,
  CHILDREN_AND_YOUTH,
  READING_PROMOTION,
  LOCAL_HISTORY,
  AGRICULTURE,
  SOCIAL_SUPPORT,
  ENTREPRENEURSHIP,
  OTHER
}
