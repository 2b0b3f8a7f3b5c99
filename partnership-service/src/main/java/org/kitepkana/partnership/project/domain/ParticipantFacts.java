package org.kitepkana.partnership.project.domain;

/**
 * What the scale of a project is judged by.
 *
 * @param libraries libraries of the network taking part, the lead included
 * @param districts distinct districts those libraries serve (as far as recorded)
 * @param domesticOutsiders participants outside the network, in Kyrgyzstan
 * @param foreignOutsiders participants outside Kyrgyzstan
 */
public record ParticipantFacts(
    int libraries, int districts, int domesticOutsiders, int foreignOutsiders) {

  public boolean hasOutsiders() {
    return domesticOutsiders + foreignOutsiders > 0;
  }
}
