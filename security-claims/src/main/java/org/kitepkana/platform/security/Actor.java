package org.kitepkana.platform.security;

import java.util.Objects;

/**
 * Who is asking: a role and, for a branch librarian, the one branch she works for. Application
 * services take an {@code Actor} and decide themselves what it may do, so branch scope is enforced
 * in the service whatever sits in front of it.
 *
 * @param role what the caller is
 * @param branchId the librarian's branch; {@code null} for every other role
 * @param subject who, for audit (a user or client id)
 */
public record Actor(Role role, String branchId, String subject) {

  /** The roles of the network. */
  public enum Role {
    /** The regional library's coordinators: everything. */
    COORDINATOR,
    /** A branch's librarian: her own branch's holdings, events and registrations. */
    BRANCH_LIBRARIAN,
    /** Partners, agreements, projects, evaluations and reports. */
    PARTNERSHIP_OFFICER,
    /** An outside system: reads and streams, never writes. */
    SUBSCRIBER,
    /** The public: catalogue search, the events calendar, registering for an event. */
    ANONYMOUS
  }

  public Actor {
    Objects.requireNonNull(role, "role");
    if (role == Role.BRANCH_LIBRARIAN && (branchId == null || branchId.isBlank())) {
      throw new IllegalArgumentException("a branch librarian is bound to one branch");
    }
  }

  public static Actor coordinator(String subject) {
    return new Actor(Role.COORDINATOR, null, subject);
  }

  public static Actor librarian(String branchId, String subject) {
    return new Actor(Role.BRANCH_LIBRARIAN, branchId, subject);
  }

  public static Actor partnershipOfficer(String subject) {
    return new Actor(Role.PARTNERSHIP_OFFICER, null, subject);
  }

  public static Actor subscriber(String subject) {
    return new Actor(Role.SUBSCRIBER, null, subject);
  }

  public static Actor anonymous() {
    return new Actor(Role.ANONYMOUS, null, "anonymous");
  }

  public boolean is(Role other) {
    return role == other;
  }

  /** True for everyone who showed a valid token; false for the public. */
  public boolean isAuthenticated() {
    return role != Role.ANONYMOUS;
  }

  /** True for a coordinator, or for the librarian of exactly this branch. */
  public boolean mayManageBranch(String branch) {
    return role == Role.COORDINATOR || (role == Role.BRANCH_LIBRARIAN && branchId.equals(branch));
  }
}
