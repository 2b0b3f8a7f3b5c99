package org.kitepkana.partnership.project.domain;

import java.util.Optional;

/**
 * The scale of a project follows from its participants: derived where it is not declared, checked
 * where it is.
 *
 * <ul>
 *   <li>MONO: exactly one library and nobody from outside the network;
 *   <li>INTER_LIBRARY: two or more libraries of the network, nobody from outside;
 *   <li>REGIONAL: two or more libraries in two or more districts, nobody from outside;
 *   <li>NATIONAL: participants from outside the network, all in Kyrgyzstan;
 *   <li>INTERNATIONAL: at least one participant abroad.
 * </ul>
 *
 * Derivation picks the narrowest description that fits except that libraries in several districts
 * make a project REGIONAL; a declared INTER_LIBRARY for such a project is accepted.
 */
public final class ScaleRules {

  private ScaleRules() {}

  public static Scale derive(ParticipantFacts f) {
    if (f.foreignOutsiders() > 0) {
      return Scale.INTERNATIONAL;
    }
    if (f.domesticOutsiders() > 0) {
      return Scale.NATIONAL;
    }
    if (f.libraries() <= 1) {
      return Scale.MONO;
    }
    return f.districts() >= 2 ? Scale.REGIONAL : Scale.INTER_LIBRARY;
  }

  /** Why {@code declared} does not fit the participants, or empty when it does. */
  public static Optional<String> contradiction(Scale declared, ParticipantFacts f) {
    String who = describe(f);
    switch (declared) {
      case MONO:
        if (f.libraries() != 1 || f.hasOutsiders()) {
          return Optional.of(
              "a MONO project has exactly one library and no outside participants; " + who);
        }
        return Optional.empty();
      case INTER_LIBRARY:
        if (f.libraries() < 2 || f.hasOutsiders()) {
          return Optional.of(
              "an INTER_LIBRARY project has two or more libraries of the network and no outside"
                  + " participants; "
                  + who);
        }
        return Optional.empty();
      case REGIONAL:
        if (f.libraries() < 2 || f.districts() < 2 || f.hasOutsiders()) {
          return Optional.of(
              "a REGIONAL project has libraries of two or more districts and no outside"
                  + " participants; "
                  + who);
        }
        return Optional.empty();
      case NATIONAL:
        if (f.domesticOutsiders() == 0 || f.foreignOutsiders() > 0) {
          return Optional.of(
              "a NATIONAL project has participants from elsewhere in Kyrgyzstan and none from"
                  + " abroad; "
                  + who);
        }
        return Optional.empty();
      case INTERNATIONAL:
        if (f.foreignOutsiders() == 0) {
          return Optional.of("an INTERNATIONAL project has participants from abroad; " + who);
        }
        return Optional.empty();
      default:
        throw new IllegalArgumentException("unknown scale " + declared);
    }
  }

  private static String describe(ParticipantFacts f) {
    return f.libraries()
        + (f.libraries() == 1 ? " library" : " libraries")
        + " in "
        + f.districts()
        + (f.districts() == 1 ? " district" : " districts")
        + ", "
        + f.domesticOutsiders()
        + " outside participant(s) in Kyrgyzstan and "
        + f.foreignOutsiders()
        + " abroad take part";
  }
}
