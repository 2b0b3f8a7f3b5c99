package org.kitepkana.partnership.report.application;

import java.util.Arrays;
import java.util.Optional;

/** The reports partnership-service produces, by the name they go by in URLs and file names. */
public enum ReportKind {
  /** Projects started per year, by scale. */
  PROJECTS_BY_SCALE("projects-by-scale"),
  /** Projects started per year, by content area (a project counts under each of its areas). */
  PROJECTS_BY_CONTENT_AREA("projects-by-content-area"),
  /** Partner types ranked by the number of projects they took part in. */
  PARTNERS_BY_TYPE("partners-by-type"),
  /** Partners ranked by the number of projects they took part in, with what they gave. */
  PARTNERS_BY_PROJECTS("partners-by-projects"),
  /** Money and in-kind value received per year. */
  FUNDS_BY_YEAR("funds-by-year"),
  /** Money and in-kind value received per year and partner type. */
  FUNDS_BY_PARTNER_TYPE("funds-by-partner-type"),
  /** Money and in-kind value received per year and lead library. */
  FUNDS_BY_LIBRARY("funds-by-library");

  private final String slug;

  ReportKind(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  public static Optional<ReportKind> bySlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }
}
