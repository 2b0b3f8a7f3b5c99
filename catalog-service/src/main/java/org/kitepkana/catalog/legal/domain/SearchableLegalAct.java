package org.kitepkana.catalog.legal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kitepkana.catalog.record.domain.TextFolding;

/**
 * An act as search sees it: the act (whose {@code text} may have been left out) with its words
 * folded once, when it is saved, instead of at every query.
 *
 * @param words the folded words of its number, titles and subjects, space-separated
 * @param bodyWords the folded words of its issuing body's name and territory
 * @param hasText whether the act has a text in the databank (even when {@code act} is without it)
 */
public record SearchableLegalAct(LegalAct act, String words, String bodyWords, boolean hasText) {

  public SearchableLegalAct {
    Objects.requireNonNull(act, "act");
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(bodyWords, "bodyWords");
  }

  public static SearchableLegalAct of(LegalAct act) {
    return new SearchableLegalAct(act, words(act), bodyWords(act), act.details().text() != null);
  }

  /** The folded words of number, titles and subjects. */
  public static String words(LegalAct act) {
    LegalActDetails d = act.details();
    List<String> parts = new ArrayList<>();
    parts.add(d.number().value());
    if (d.title().ky() != null) {
      parts.add(d.title().ky());
    }
    if (d.title().ru() != null) {
      parts.add(d.title().ru());
    }
    parts.addAll(d.subjects());
    return TextFolding.fold(String.join(" ", parts));
  }

  /** The folded words of the issuing body's name and territory. */
  public static String bodyWords(LegalAct act) {
    IssuingBody body = act.details().issuingBody();
    return TextFolding.fold(body.name() + (body.territory() == null ? "" : " " + body.territory()));
  }
}
