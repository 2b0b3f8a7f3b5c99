package org.kitepkana.catalog.branch.domain;

/** The kinds of library in a regional network. */
public enum BranchType {
  REGIONAL,
  CITY,
  DISTRICT,
  VILLAGE,
  CHILDREN
}
