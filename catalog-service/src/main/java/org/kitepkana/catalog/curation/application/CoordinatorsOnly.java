package org.kitepkana.catalog.curation.application;

import java.util.Optional;
import org.kitepkana.platform.security.Actor;

/** The access rule of curation: regional coordinators only, whatever the operation. */
public final class CoordinatorsOnly {

  private CoordinatorsOnly() {}

  /** The refusal for this actor, or empty when the actor may curate. */
  public static Optional<CurationOutcome.Forbidden> refusal(Actor actor) {
    if (actor != null && actor.is(Actor.Role.COORDINATOR)) {
      return Optional.empty();
    }
    return Optional.of(
        new CurationOutcome.Forbidden("only a regional coordinator curates the union catalogue"));
  }
}
