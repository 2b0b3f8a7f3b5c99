package org.kitepkana.catalog.legal.domain;

import java.util.List;

/**
 * What happened to an act in the databank. Each carries the act's full new state, because its topic
 * is compacted: the latest change per act is the act.
 */
public sealed interface LegalActChange {

  LegalAct act();

  /** The library registered an act in the databank. */
  record LegalActRegistered(LegalAct act) implements LegalActChange {}

  /** A later act amended or repealed the act; the new entry is the last of its history. */
  record LegalActStatusChanged(LegalAct act) implements LegalActChange {}

  /**
   * The library corrected what it had recorded: a field entered wrongly, or a status change
   * recorded by mistake and retracted.
   *
   * @param fields the corrected fields, e.g. {@code title}, {@code statusHistory}
   * @param reason why, as the librarian wrote it; may be null
   */
  record LegalActCorrected(LegalAct act, List<String> fields, String reason)
      implements LegalActChange {

    public LegalActCorrected {
      fields = List.copyOf(fields);
    }
  }
}
