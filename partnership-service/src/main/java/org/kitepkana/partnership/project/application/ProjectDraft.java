package org.kitepkana.partnership.project.application;

import java.util.ArrayList;
import java.util.List;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.project.domain.Amount;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Contribution;
import org.kitepkana.partnership.project.domain.ExternalParticipant;
import org.kitepkana.partnership.project.domain.Period;
import org.kitepkana.partnership.project.domain.ProjectPartner;
import org.kitepkana.partnership.project.domain.Scale;

/**
 * A project plan as submitted: each value already well-formed, but not yet checked against the
 * library directory, the partners, or itself.
 *
 * @param declaredScale null to derive the scale from the participants
 */
public record ProjectDraft(
    String title,
    String summary,
    Period period,
    LibraryId leadLibraryId,
    List<LibraryId> participatingLibraryIds,
    List<ExternalParticipant> externalParticipants,
    List<ProjectPartner> partners,
    List<ContentArea> contentAreas,
    Scale declaredScale,
    Amount budget,
    List<Contribution> contributions) {

  public ProjectDraft {
    participatingLibraryIds =
        participatingLibraryIds == null ? List.of() : List.copyOf(participatingLibraryIds);
    externalParticipants =
        externalParticipants == null ? List.of() : List.copyOf(externalParticipants);
    partners = partners == null ? List.of() : List.copyOf(partners);
    contentAreas = contentAreas == null ? List.of() : List.copyOf(contentAreas);
    contributions = contributions == null ? List.of() : List.copyOf(contributions);
  }

  /** The lead library (if named) and the participating ones, as named. */
  public List<LibraryId> libraryIdsNamed() {
    List<LibraryId> all = new ArrayList<>();
    if (leadLibraryId != null) {
      all.add(leadLibraryId);
    }
    all.addAll(participatingLibraryIds);
    return all;
  }
}
