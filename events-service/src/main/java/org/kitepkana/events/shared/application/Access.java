package org.kitepkana.events.shared.application;

import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.platform.security.Actor;

/**
 * Who may do what in events-service, decided here and nowhere else:
 *
 * <ul>
 *   <li>coordinators plan campaigns and may do everything;
 *   <li>a branch librarian schedules library events, manages their registrations and records
 *       attendance for her own branch only, and answers campaign invitations for it;
 *   <li>anyone (the public included) reads the calendar and registers.
 * </ul>
 */
public final class Access {

  private Access() {}

  public static boolean isCoordinator(Actor actor) {
    return actor.is(Actor.Role.COORDINATOR);
  }

  /** Schedule, change, cancel, complete a branch's library events; see its registrations. */
  public static boolean mayManage(Actor actor, BranchId branch) {
    return actor.mayManageBranch(branch.value());
  }

  /** Network-wide figures: coordinators, partnership officers and subscribing systems. */
  public static boolean mayReadNetworkStatistics(Actor actor) {
    return actor.is(Actor.Role.COORDINATOR)
        || actor.is(Actor.Role.PARTNERSHIP_OFFICER)
        || actor.is(Actor.Role.SUBSCRIBER);
  }

  public static String describe(Actor actor) {
    return actor.is(Actor.Role.BRANCH_LIBRARIAN)
        ? "the librarian of " + actor.branchId()
        : actor.role().name().toLowerCase().replace('_', ' ');
  }
}
