package org.kitepkana.partnership.project.application;

import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectStatus;
import org.kitepkana.partnership.project.domain.Scale;

/**
 * Which projects a list shows; null fields do not filter.
 *
 * @param year projects that started in this year
 * @param libraryId projects this library leads or takes part in
 */
public record ProjectFilter(
    Integer year,
    ProjectStatus status,
    Scale scale,
    ContentArea contentArea,
    LibraryId libraryId,
    PartnerId partnerId) {

  public static ProjectFilter none() {
    return new ProjectFilter(null, null, null, null, null, null);
  }

  public boolean matches(Project p) {
    return (year == null || p.startYear() == year)
        && (status == null || p.status() == status)
        && (scale == null || p.plan().scale() == scale)
        && (contentArea == null || p.plan().contentAreas().contains(contentArea))
        && (libraryId == null || p.plan().libraries().contains(libraryId))
        && (partnerId == null || p.plan().partnerIds().contains(partnerId));
  }
}
