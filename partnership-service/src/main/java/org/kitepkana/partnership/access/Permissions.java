package org.kitepkana.partnership.access;

import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.security.Actor.Role;

/**
 * Who may do what in partnership-service. Coordinators and partnership officers record partners,
 * agreements, projects, contributions, evaluations and publications; a branch librarian proposes
 * projects led by her own library (and may revise or withdraw them while they are proposals) and
 * reads everything; outside subscribers and the public read the published summaries only.
 */
public final class Permissions {

  private Permissions() {}

  /** Partners, agreements, project lifecycle, evaluations, publications. */
  public static boolean mayManage(Actor actor) {
    return actor.is(Role.COORDINATOR) || actor.is(Role.PARTNERSHIP_OFFICER);
  }

  /** Propose a project led by {@code leadLibraryId}. */
  public static boolean mayPropose(Actor actor, String leadLibraryId) {
    return mayManage(actor) || ownsLibrary(actor, leadLibraryId);
  }

  /** Revise or withdraw a proposal led by {@code leadLibraryId}. */
  public static boolean mayAmendProposal(Actor actor, String leadLibraryId) {
    return mayPropose(actor, leadLibraryId);
  }

  /**
   * Full details: contacts, agreements, budgets, contributions, evaluations, outcomes,
   * publications, reports. Everyone else sees the published summaries.
   */
  public static boolean mayReadDetails(Actor actor) {
    return mayManage(actor) || actor.is(Role.BRANCH_LIBRARIAN);
  }

  public static boolean ownsLibrary(Actor actor, String libraryId) {
    return actor.is(Role.BRANCH_LIBRARIAN) && actor.branchId().equals(libraryId);
  }
}
