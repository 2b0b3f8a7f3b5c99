package org.kitepkana.partnership.fakes;

import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.security.Actor.Role;

/** The actors the rules are proven with. */
public final class Actors {

  public static final Actor COORDINATOR = Actor.coordinator("coordinator");
  public static final Actor OFFICER = new Actor(Role.PARTNERSHIP_OFFICER, null, "officer");
  public static final Actor SUBSCRIBER = new Actor(Role.SUBSCRIBER, null, "portal");
  public static final Actor PUBLIC = Actor.anonymous();

  private Actors() {}

  public static Actor librarianOf(String branch) {
    return Actor.librarian(branch, "librarian-" + branch);
  }
}
