package org.kitepkana.catalog.legal.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * What the library states about an act: everything but its id, its status history and its version.
 * A correction replaces these as a whole.
 *
 * @param effectiveFrom when the act took effect as adopted; the first entry of its status history
 * @param branchId the branch library that keeps the act (and answers for it)
 * @param subjects keywords a reader searches by (land use, local budget, pastures, ...)
 * @param text the act's text, when the library has typed or received it; at most {@value #MAX_TEXT}
 *     characters (longer acts are linked through {@code publicationUrl})
 * @param publicationUrl where the act is officially published (http or https)
 * @param recordId the union-catalogue record of the printed copy, if it is catalogued
 */
public record LegalActDetails(
    ActNumber number,
    ActTitle title,
    ActKind kind,
    LocalDate adoptedOn,
    LocalDate effectiveFrom,
    IssuingBody issuingBody,
    BranchId branchId,
    List<String> subjects,
    String text,
    String publicationUrl,
    RecordId recordId) {

  public static final int MAX_TEXT = 100_000;
  public static final int MAX_SUBJECTS = 30;
  public static final int MAX_SUBJECT = 100;
  public static final int MAX_URL = 500;

  public LegalActDetails {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(adoptedOn, "adoptedOn");
    Objects.requireNonNull(issuingBody, "issuingBody");
    Objects.requireNonNull(branchId, "branchId");
    effectiveFrom = effectiveFrom == null ? adoptedOn : effectiveFrom;
    subjects = cleanSubjects(subjects);
    text = text == null || text.isBlank() ? null : text.strip();
    if (text != null && text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("text must be at most " + MAX_TEXT + " characters");
    }
    publicationUrl =
        publicationUrl == null || publicationUrl.isBlank()
            ? null
            : checkUrl(publicationUrl.strip());
  }

  /** These details with the printed copy catalogued on {@code record} (or on none). */
  public LegalActDetails withRecordId(RecordId record) {
    return new LegalActDetails(
        number,
        title,
        kind,
        adoptedOn,
        effectiveFrom,
        issuingBody,
        branchId,
        subjects,
        text,
        publicationUrl,
        record);
  }

  /** Identifies the act across spellings: issuing body, number and year of adoption. */
  public String naturalKey() {
    return issuingBody.key() + "|" + number.key() + "|" + adoptedOn.getYear();
  }

  /** The names of the fields in which {@code other} differs from these details. */
  public List<String> differences(LegalActDetails other) {
    List<String> fields = new ArrayList<>();
    compare(fields, "number", number, other.number);
    compare(fields, "title", title, other.title);
    compare(fields, "kind", kind, other.kind);
    compare(fields, "adoptedOn", adoptedOn, other.adoptedOn);
    compare(fields, "effectiveFrom", effectiveFrom, other.effectiveFrom);
    compare(fields, "issuingBody", issuingBody, other.issuingBody);
    compare(fields, "branchId", branchId, other.branchId);
    compare(fields, "subjects", subjects, other.subjects);
    compare(fields, "text", text, other.text);
    compare(fields, "publicationUrl", publicationUrl, other.publicationUrl);
    compare(fields, "recordId", recordId, other.recordId);
    return fields;
  }

  private static void compare(List<String> out, String field, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(field);
    }
  }

  private static List<String> cleanSubjects(List<String> subjects) {
    if (subjects == null) {
      return List.of();
    }
    Set<String> clean = new LinkedHashSet<>();
    for (String s : subjects) {
      if (s == null || s.isBlank()) {
        continue;
      }
      String stripped = s.strip();
      if (stripped.length() > MAX_SUBJECT) {
        throw new IllegalArgumentException(
            "subjects must be at most " + MAX_SUBJECT + " characters each");
      }
      clean.add(stripped);
    }
    if (clean.size() > MAX_SUBJECTS) {
      throw new IllegalArgumentException("at most " + MAX_SUBJECTS + " subjects");
    }
    return List.copyOf(clean);
  }

  /** Checks an official publication's address: http or https, with a host; returns it. */
  public static String checkUrl(String url) {
    if (url.length() > MAX_URL) {
      throw new IllegalArgumentException(
          "publicationUrl must be at most " + MAX_URL + " characters");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException("publicationUrl must be an http or https address");
      }
      return url;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("publicationUrl must be an http or https address");
    }
  }
}
