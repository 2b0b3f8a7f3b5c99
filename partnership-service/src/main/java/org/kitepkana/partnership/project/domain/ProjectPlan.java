package org.kitepkana.partnership.project.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.PartnerId;

/**
 * What a project is about and who carries it: everything an officer (or, for a proposal, a branch
 * librarian) states, as opposed to its status, evaluation and history.
 *
 * @param participatingLibraryIds the other libraries of the network; never the lead, never twice
 * @param externalParticipants participants from outside the region's network
 * @param partners each partner once, with its roles
 * @param contentAreas at least one, each once, in their natural order
 * @param scale the declared or derived scale (see {@link ScaleRules})
 * @param budget the planned budget; null if none was stated
 * @param contributions what partners gave; each contributing partner is a partner of the project
 */
public record ProjectPlan(
    String title,
    String summary,
    Period period,
    LibraryId leadLibraryId,
    List<LibraryId> participatingLibraryIds,
    List<ExternalParticipant> externalParticipants,
    List<ProjectPartner> partners,
    List<ContentArea> contentAreas,
    Scale scale,
    Amount budget,
    List<Contribution> contributions) {

  public static final int MAX_ITEMS = 200;
  public static final int TITLE_MAX = 300;
  public static final int SUMMARY_MAX = 4000;

  public ProjectPlan {
    title = Text.required("title", title, TITLE_MAX);
    summary = Text.optional("summary", summary, SUMMARY_MAX);
    if (period == null) {
      throw new InvalidValue("start", "must not be null");
    }
    if (leadLibraryId == null) {
      throw new InvalidValue("leadLibraryId", "must not be null");
    }
    participatingLibraryIds = copy("participatingLibraryIds", participatingLibraryIds);
    if (participatingLibraryIds.contains(leadLibraryId)) {
      throw new InvalidValue("participatingLibraryIds", "must not repeat the lead library");
    }
    if (new HashSet<>(participatingLibraryIds).size() != participatingLibraryIds.size()) {
      throw new InvalidValue("participatingLibraryIds", "must not repeat a library");
    }
    externalParticipants = copy("externalParticipants", externalParticipants);
    partners = copy("partners", partners);
    Set<PartnerId> partnerIds = new HashSet<>();
    for (ProjectPartner p : partners) {
      if (!partnerIds.add(p.partnerId())) {
        throw new InvalidValue("partners", "must not repeat partner " + p.partnerId());
      }
    }
    if (contentAreas == null || contentAreas.isEmpty()) {
      throw new InvalidValue("contentAreas", "at least one content area");
    }
    contentAreas = List.copyOf(EnumSet.copyOf(copy("contentAreas", contentAreas)));
    if (scale == null) {
      throw new InvalidValue("scale", "must not be null");
    }
    contributions = copy("contributions", contributions);
    for (Contribution c : contributions) {
      if (!partnerIds.contains(c.partnerId())) {
        throw new InvalidValue(
            "contributions", "partner " + c.partnerId() + " is not a partner of the project");
      }
    }
  }

  /** The lead library, then the participating ones. */
  public List<LibraryId> libraries() {
    List<LibraryId> all = new ArrayList<>();
    all.add(leadLibraryId);
    all.addAll(participatingLibraryIds);
    return all;
  }

  public List<PartnerId> partnerIds() {
    return partners.stream().map(ProjectPartner::partnerId).toList();
  }

  /** The part of the plan that is published on the projects topic. */
  public PublicPlan publicPlan() {
    return new PublicPlan(
        title, scale, contentAreas, leadLibraryId, participatingLibraryIds, partnerIds(), period);
  }

  /** What the projects topic tells about a plan. */
  public record PublicPlan(
      String title,
      Scale scale,
      List<ContentArea> contentAreas,
      LibraryId leadLibraryId,
      List<LibraryId> participatingLibraryIds,
      List<PartnerId> partnerIds,
      Period period) {}

  private static <T> List<T> copy(String property, List<T> items) {
    if (items == null) {
      return List.of();
    }
    if (items.size() > MAX_ITEMS) {
      throw new InvalidValue(property, "at most " + MAX_ITEMS + " entries");
    }
    if (items.stream().anyMatch(Objects::isNull)) {
      throw new InvalidValue(property, "must not contain null");
    }
    return List.copyOf(items);
  }
}
