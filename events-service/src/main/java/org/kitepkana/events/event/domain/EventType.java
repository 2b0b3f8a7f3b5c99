package org.kitepkana.events.event.domain;

/** What kind of library event it is. */
public enum EventType {
  EXHIBITION,
  LECTURE,
  BOOK_PRESENTATION,
  LEGAL_CONSULTATION,
  LOCAL_SELF_GOVERNMENT_MEETING,
  WORKSHOP,
  CLUB,
  COMPETITION,
  OTHER
}
