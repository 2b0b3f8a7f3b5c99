package org.kitepkana.catalog.record.domain;

/** What kind of material a record describes. */
public enum Kind {
  BOOK,
  PERIODICAL,
  AUDIOVISUAL,
  ELECTRONIC,
  LEGAL_ACT,
  OTHER
}
