package org.kitepkana.partnership.project.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.common.application.Violation;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.library.domain.Library;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.application.PartnerRepository;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.domain.ExternalParticipant;
import org.kitepkana.partnership.project.domain.ParticipantFacts;
import org.kitepkana.partnership.project.domain.ProjectPlan;
import org.kitepkana.partnership.project.domain.Scale;
import org.kitepkana.partnership.project.domain.ScaleRules;

/**
 * Turns a draft into a plan, or says every way it is wrong: library ids the branch directory does
 * not know, partners that do not exist, a library or partner named twice, a contribution from a
 * partner that is not in the project, a declared scale the participants contradict. Reads only;
 * nothing is written unless the whole plan is valid.
 */
public class PlanValidator {

  private final LibraryDirectory libraries;
  private final PartnerRepository partners;

  public PlanValidator(LibraryDirectory libraries, PartnerRepository partners) {
    this.libraries = libraries;
    this.partners = partners;
  }

  public Result<ProjectPlan> check(ProjectDraft draft) {
    List<Violation> violations = new ArrayList<>();
    Map<LibraryId, Library> known = libraries.findAll(draft.libraryIdsNamed());
    if (draft.leadLibraryId() == null) {
      violations.add(new Violation("leadLibraryId", "must not be null"));
    } else if (!known.containsKey(draft.leadLibraryId())) {
      violations.add(unknownLibrary("leadLibraryId", draft.leadLibraryId()));
    }
    Set<LibraryId> seenLibraries = new HashSet<>();
    for (int i = 0; i < draft.participatingLibraryIds().size(); i++) {
      LibraryId id = draft.participatingLibraryIds().get(i);
      String field = "participatingLibraryIds[" + i + "]";
      if (id.equals(draft.leadLibraryId())) {
        violations.add(new Violation(field, id + " is the lead library"));
      } else if (!seenLibraries.add(id)) {
        violations.add(new Violation(field, id + " is named twice"));
      } else if (!known.containsKey(id)) {
        violations.add(unknownLibrary(field, id));
      }
    }
    List<PartnerId> partnerIds = draft.partners().stream().map(p -> p.partnerId()).toList();
    Set<PartnerId> existing = partners.findAll(partnerIds).keySet();
    Set<PartnerId> seenPartners = new HashSet<>();
    for (int i = 0; i < partnerIds.size(); i++) {
      PartnerId id = partnerIds.get(i);
      String field = "partners[" + i + "].partnerId";
      if (!seenPartners.add(id)) {
        violations.add(new Violation(field, "partner " + id + " is named twice"));
      } else if (!existing.contains(id)) {
        violations.add(new Violation(field, "no partner " + id));
      }
    }
    for (int i = 0; i < draft.contributions().size(); i++) {
      PartnerId from = draft.contributions().get(i).partnerId();
      if (!seenPartners.contains(from)) {
        violations.add(
            new Violation(
                "contributions[" + i + "].partnerId",
                "partner " + from + " is not among the project's partners"));
      }
    }
    if (draft.contentAreas().isEmpty()) {
      violations.add(new Violation("contentAreas", "at least one content area"));
    }
    if (!violations.isEmpty()) {
      return Result.invalid(violations);
    }
    ParticipantFacts facts = facts(draft, known);
    Scale scale = draft.declaredScale();
    if (scale == null) {
      scale = ScaleRules.derive(facts);
    } else {
      var contradiction = ScaleRules.contradiction(scale, facts);
      if (contradiction.isPresent()) {
        return Result.invalid("scale", contradiction.get());
      }
    }
    try {
      return Result.done(
          new ProjectPlan(
              draft.title(),
              draft.summary(),
              draft.period(),
              draft.leadLibraryId(),
              draft.participatingLibraryIds(),
              draft.externalParticipants(),
              draft.partners(),
              draft.contentAreas(),
              scale,
              draft.budget(),
              draft.contributions()));
    } catch (InvalidValue e) {
      return Result.invalid(e.property(), e.reason());
    }
  }

  private static ParticipantFacts facts(ProjectDraft draft, Map<LibraryId, Library> known) {
    Set<String> districts = new HashSet<>();
    Map<LibraryId, Library> taking = new HashMap<>();
    for (LibraryId id : draft.libraryIdsNamed()) {
      Library library = known.get(id);
      taking.put(id, library);
      if (library != null && library.districtKey() != null) {
        districts.add(library.districtKey());
      }
    }
    int foreign =
        (int) draft.externalParticipants().stream().filter(ExternalParticipant::isAbroad).count();
    int domestic = draft.externalParticipants().size() - foreign;
    int count = (int) taking.values().stream().filter(Objects::nonNull).count();
    return new ParticipantFacts(count, districts.size(), domestic, foreign);
  }

  private static Violation unknownLibrary(String field, LibraryId id) {
    return new Violation(field, "no library " + id + " in the branch directory");
  }
}
