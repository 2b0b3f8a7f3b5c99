package org.kitepkana.catalog.legal.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.domain.TextFolding;

/**
 * A search of the databank, and the one place that decides whether an act matches it. Every
 * criterion is optional; the given ones must all hold.
 *
 * <ul>
 *   <li>{@code bodyType}: the issuing body's type; {@code body}: words of its name or territory.
 *   <li>{@code status}: the latest recorded status, or, with {@code statusOn}, the status on that
 *       date (what a lawyer asks: "was it in force, as amended, on 1 March 2024?").
 *   <li>{@code adoptedFrom}/{@code adoptedTo}: adoption date range, both inclusive.
 *   <li>{@code effectiveOn}: the act applied on that date (in force or amended, not repealed, and
 *       already in effect).
 *   <li>{@code text}: words of the number, titles and subjects.
 *   <li>{@code branch}, {@code kind}: the keeping branch, the kind of act.
 * </ul>
 *
 * <p>Words are folded like the union catalogue's ({@link TextFolding}: Kyrgyz and Russian Cyrillic
 * and Latin transliterations meet, ң ө ү fold to n o u) and match the beginning of a word, so
 * "jaiyt" finds "жайыт", "жайыттарды" and "jaiyttar".
 */
public final class LegalActQuery {

  /** Newest adoption first, then by number. */
  public static final Comparator<LegalAct> ORDER =
      Comparator.comparing((LegalAct a) -> a.details().adoptedOn())
          .reversed()
          .thenComparing(a -> a.details().number().key())
          .thenComparing(a -> a.id().value());

  private final BodyType bodyType;
  private final List<String> bodyWords;
  private final ActStatus status;
  private final LocalDate statusOn;
  private final LocalDate adoptedFrom;
  private final LocalDate adoptedTo;
  private final LocalDate effectiveOn;
  private final List<String> textWords;
  private final BranchId branch;
  private final ActKind kind;

  public LegalActQuery(
      BodyType bodyType,
      String body,
      ActStatus status,
      LocalDate statusOn,
      LocalDate adoptedFrom,
      LocalDate adoptedTo,
      LocalDate effectiveOn,
      String text,
      BranchId branch,
      ActKind kind) {
    if (statusOn != null && status == null) {
      throw new IllegalArgumentException("statusOn needs a status to ask about");
    }
    if (adoptedFrom != null && adoptedTo != null && adoptedTo.isBefore(adoptedFrom)) {
      throw new IllegalArgumentException("adoptedTo must not be before adoptedFrom");
    }
    this.bodyType = bodyType;
    this.bodyWords = words(body);
    this.status = status;
    this.statusOn = statusOn;
    this.adoptedFrom = adoptedFrom;
    this.adoptedTo = adoptedTo;
    this.effectiveOn = effectiveOn;
    this.textWords = words(text);
    this.branch = branch;
    this.kind = kind;
  }

  /** A query with no criteria: every act. */
  public static LegalActQuery all() {
    return new LegalActQuery(null, null, null, null, null, null, null, null, null, null);
  }

  public boolean matches(SearchableLegalAct candidate) {
    LegalAct act = candidate.act();
    LegalActDetails d = act.details();
    if (bodyType != null && d.issuingBody().type() != bodyType) {
      return false;
    }
    if (branch != null && !d.branchId().equals(branch)) {
      return false;
    }
    if (kind != null && d.kind() != kind) {
      return false;
    }
    if (adoptedFrom != null && d.adoptedOn().isBefore(adoptedFrom)) {
      return false;
    }
    if (adoptedTo != null && d.adoptedOn().isAfter(adoptedTo)) {
      return false;
    }
    if (status != null) {
      ActStatus actual = statusOn == null ? act.status() : act.statusOn(statusOn).orElse(null);
      if (actual != status) {
        return false;
      }
    }
    if (effectiveOn != null && !act.appliesOn(effectiveOn)) {
      return false;
    }
    return containsAll(candidate.bodyWords(), bodyWords)
        && containsAll(candidate.words(), textWords);
  }

  private static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String folded = TextFolding.fold(text);
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  /** Every query word begins some word of {@code folded}. */
  private static boolean containsAll(String folded, List<String> queryWords) {
    if (queryWords.isEmpty()) {
      return true;
    }
    String[] words = folded.split(" ");
    for (String q : queryWords) {
      boolean found = false;
      for (String w : words) {
        if (w.startsWith(q)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }
}
