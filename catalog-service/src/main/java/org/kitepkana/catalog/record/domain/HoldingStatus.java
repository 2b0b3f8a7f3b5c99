package org.kitepkana.catalog.record.domain;

/** Whether a branch still holds an item. Withdrawn holdings stay on the record as history. */
public enum HoldingStatus {
  AVAILABLE,
  WITHDRAWN
}
