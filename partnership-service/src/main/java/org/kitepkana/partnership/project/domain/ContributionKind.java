package org.kitepkana.partnership.project.domain;

/** How a partner contributes: money, or goods and services valued in money. */
public enum ContributionKind {
  MONEY,
  IN_KIND
}
