package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kitepkana.catalog.marc.domain.ImportedHolding;
import org.kitepkana.catalog.marc.domain.ImportedRecord;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.Kind;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * Maps a MARC 21 bibliographic record (already decoded to Unicode) to what the union catalogue
 * keeps. The rules, field by field:
 *
 * <ul>
 *   <li>001 → control number; the branch's item id is made from it (plus "#" and the barcode, 852
 *       $p, for a barcoded item). A record without 001 gets an item id from a hash of its content
 *       ({@code h-…}), so the same file imports to the same items again, and a warning.
 *   <li>245 $a $b $n $p → title, ISBD punctuation at the end removed. No 245 $a: skipped.
 *   <li>100, 110, 700, 710 $a (110/710 with $b) → authors, main entry first, trailing commas and
 *       periods removed (not after an initial).
 *   <li>020 $a → ISBN (the first that is a valid ISBN-10 or -13, normalised to ISBN-13); an invalid
 *       one is left out with a warning.
 *   <li>008/35-37, else 041 $a → language (a MARC three-letter code; {@code und} and {@code zxx}
 *       count as unknown).
 *   <li>008/07-10, else 264 $c (second indicator 1), else 260 $c → year (the first four digits
 *       between 1000 and next year).
 *   <li>264 $b (publication), else 260 $b → publisher; "[s.n.]" counts as unknown.
 *   <li>250 $a $b → edition; 650 $a $x $y $z $v → subjects (" -- " between the parts); 080 $a →
 *       UDC; 084 $a with $2 rubbk… → BBK.
 *   <li>Leader/06-07 → kind: language material (a, t) is a BOOK, or a PERIODICAL when serial (s);
 *       computer files (m) ELECTRONIC; projected media and sound recordings (g, i, j) AUDIOVISUAL;
 *       the rest OTHER.
 *   <li>852 → holdings: every 852 with a barcode ($p) is one item (one copy), every 852 without one
 *       is a copy of the record's own item; call number from $k $h $i $m (else the shelving number
 *       $j), location from $b $c. Without 852 the record is one item, with the upload's defaults.
 * </ul>
 *
 * <p>Limits of the sync API apply (title 1,000 characters, 50 authors of 300, call number 100,
 * location 200): longer values are cut with a warning rather than losing the record.
 */
final class MarcMapping {

  /** A record mapped, or why it cannot be. */
  sealed interface Result {}

  record Mapped(ImportedRecord record) implements Result {}

  record Failed(String controlNumber, String reason) implements Result {}

  static final int MAX_TITLE = 1000;
  static final int MAX_AUTHORS = 50;
  static final int MAX_AUTHOR = 300;
  static final int MAX_PUBLISHER = 300;
  static final int MAX_SUBJECTS = 100;
  static final int MAX_TERM = 500;
  static final int MAX_CALL_NUMBER = 100;
  static final int MAX_LOCATION = 200;
  private static final int MAX_ITEM_ID = 64;

  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{3}");
  private static final Pattern ISBN_TEXT =
      Pattern.compile("[0-9Xx][0-9Xx\\- ]{8,}[0-9Xx]|\\d{9}[0-9Xx]");
  private static final Pattern NOT_ITEM_CHAR = Pattern.compile("[^\\p{L}\\p{N}._/:-]");
  private static final Pattern CONTROL_CHARS = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern INITIAL_AT_END = Pattern.compile("(?:^|[\\s.,])\\p{L}\\.$");

  private final int latestYear;

  MarcMapping(int latestYear) {
    this.latestYear = latestYear;
  }

  Result map(Record record, long position, long offset, List<String> readWarnings) {
    String controlNumber = control(record, "001");
    try {
      return mapChecked(record, controlNumber, position, offset, readWarnings);
    } catch (RuntimeException e) {
      return new Failed(controlNumber, "the record could not be mapped: " + e.getMessage());
    }
  }

  private Result mapChecked(
      Record record, String controlNumber, long position, long offset, List<String> readWarnings) {
    List<String> warnings = new ArrayList<>(readWarnings);
    String title = title(record);
    if (title == null) {
      return new Failed(controlNumber, noTitle(record));
    }
    if (title.length() > MAX_TITLE) {
      warnings.add("title cut to " + MAX_TITLE + " characters (was " + title.length() + ")");
      title = title.substring(0, MAX_TITLE).strip();
    }
    List<String> authors = authors(record, warnings);
    Isbn isbn = isbn(record, warnings);
    Integer year = year(record);
    String publisher = limit(publisher(record), MAX_PUBLISHER, "publisher", warnings);
    Description description =
        new Description(
            title,
            authors,
            isbn,
            year,
            language(record),
            publisher,
            kind(record),
            limit(edition(record), MAX_TERM, "edition", warnings),
            terms(subjects(record), "subjects", warnings),
            terms(subfields(record, "080", 'a', null), "UDC", warnings),
            terms(subfields(record, "084", 'a', "rubbk"), "BBK", warnings));
    try {
      description.matchKey();
    } catch (IllegalArgumentException e) {
      return new Failed(controlNumber, "no usable title: " + e.getMessage());
    }
    long contentHash = contentHash(record);
    String itemKey;
    if (controlNumber == null) {
      itemKey = "h-" + String.format("%016x", contentHash);
      warnings.add(
          "no control number (001): item id "
              + itemKey
              + " is made from the record's content, so an edited record imports as a new item");
    } else {
      itemKey = itemIdBase(controlNumber);
    }
    List<ImportedHolding> holdings = holdings(record, itemKey, warnings);
    return new Mapped(
        new ImportedRecord(
            position,
            offset,
            controlNumber,
            itemKey,
            contentHash,
            description,
            holdings,
            warnings));
  }

  // ---- title, authors, identifiers ----

  private static String title(Record record) {
    DataField f = (DataField) record.getVariableField("245");
    if (f == null || f.getSubfield('a') == null || clean(f.getSubfield('a').getData()).isEmpty()) {
      return null;
    }
    StringBuilder title = new StringBuilder();
    for (Subfield s : f.getSubfields()) {
      char code = s.getCode();
      if (code == 'a' || code == 'b' || code == 'n' || code == 'p') {
        String part = clean(s.getData());
        if (!part.isEmpty()) {
          title.append(title.length() == 0 ? "" : " ").append(part);
        }
      }
    }
    String t = trimIsbd(title.toString(), false);
    return t.isEmpty() ? null : t;
  }

  private static String noTitle(Record record) {
    if (record.getVariableField("245") != null) {
      return "no title: field 245 has no $a";
    }
    if (record.getVariableField("200") instanceof DataField f && f.getSubfield('a') != null) {
      return "no field 245; the record looks like UNIMARC (RUSMARC), with its title in field 200."
          + " Only MARC 21 records are imported: export the file as MARC 21";
    }
    return "no title: the record has no field 245";
  }

  private static List<String> authors(Record record, List<String> warnings) {
    Set<String> authors = new LinkedHashSet<>();
    for (String tag : new String[] {"100", "110", "700", "710"}) {
      for (VariableField v : record.getVariableFields(tag)) {
        DataField f = (DataField) v;
        StringBuilder name = new StringBuilder();
        for (Subfield s : f.getSubfields()) {
          boolean part = s.getCode() == 'a' || (tag.endsWith("10") && s.getCode() == 'b');
          if (part) {
            String text = trimIsbd(clean(s.getData()), true);
            if (!text.isEmpty()) {
              name.append(name.length() == 0 ? "" : ". ").append(text);
            }
          }
        }
        String author = trimName(name.toString());
        if (!author.isEmpty()) {
          authors.add(
              author.length() > MAX_AUTHOR ? author.substring(0, MAX_AUTHOR).strip() : author);
        }
      }
    }
    List<String> list = new ArrayList<>(authors);
    if (list.size() > MAX_AUTHORS) {
      warnings.add("only the first " + MAX_AUTHORS + " of " + list.size() + " authors kept");
      return list.subList(0, MAX_AUTHORS);
    }
    return list;
  }

  private static Isbn isbn(Record record, List<String> warnings) {
    List<String> rejected = new ArrayList<>();
    for (String raw : subfields(record, "020", 'a', null)) {
      Matcher m = ISBN_TEXT.matcher(raw.replaceFirst("(?i)^\\s*isbn[:\\s]*", ""));
      Optional<Isbn> isbn = m.find() ? Isbn.tryParse(m.group()) : Optional.empty();
      if (isbn.isPresent()) {
        return isbn.get();
      }
      rejected.add(raw);
    }
    if (!rejected.isEmpty()) {
      warnings.add("020 $a '" + rejected.get(0) + "' is not a valid ISBN; imported without ISBN");
    }
    return null;
  }

  private String language(Record record) {
    String f008 = fixedLength(record, "008");
    if (f008 != null && f008.length() >= 38) {
      String code = languageCode(f008.substring(35, 38));
      if (code != null) {
        return code;
      }
    }
    for (String code : subfields(record, "041", 'a', null)) {
      String c = languageCode(code);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  private static String languageCode(String raw) {
    Matcher m = LANGUAGE.matcher(raw.strip().toLowerCase(Locale.ROOT));
    if (!m.find()) {
      return null;
    }
    String code = m.group();
    return code.equals("und") || code.equals("zxx") ? null : code;
  }

  private Integer year(Record record) {
    String f008 = fixedLength(record, "008");
    if (f008 != null && f008.length() >= 11) {
      Integer y = plausibleYear(f008.substring(7, 11));
      if (y != null) {
        return y;
      }
    }
    for (DataField f : publication(record)) {
      for (Subfield s : f.getSubfields('c')) {
        Matcher m = YEAR.matcher(s.getData());
        while (m.find()) {
          Integer y = plausibleYear(m.group(1));
          if (y != null) {
            return y;
          }
        }
      }
    }
    return null;
  }

  private Integer plausibleYear(String digits) {
    if (digits.length() != 4 || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int y = Integer.parseInt(digits);
    return y >= 1000 && y <= latestYear ? y : null;
  }

  private static String publisher(Record record) {
    for (DataField f : publication(record)) {
      Subfield b = f.getSubfield('b');
      if (b != null) {
        String p = trimIsbd(clean(b.getData()), true);
        String bare = p.replaceAll("[\\[\\]]", "").strip().toLowerCase(Locale.ROOT);
        if (!p.isEmpty() && !bare.equals("s.n.") && !bare.equals("s.n") && !bare.equals("б.и.")) {
          return p;
        }
      }
    }
    return null;
  }

  /** 264 with second indicator 1 (publication) first, then 260. */
  private static List<DataField> publication(Record record) {
    List<DataField> fields = new ArrayList<>();
    for (VariableField v : record.getVariableFields("264")) {
      if (((DataField) v).getIndicator2() == '1') {
        fields.add((DataField) v);
      }
    }
    for (VariableField v : record.getVariableFields("260")) {
      fields.add((DataField) v);
    }
    return fields;
  }

  private static String edition(Record record) {
    DataField f = (DataField) record.getVariableField("250");
    if (f == null) {
      return null;
    }
    StringBuilder edition = new StringBuilder();
    for (Subfield s : f.getSubfields()) {
      if (s.getCode() == 'a' || s.getCode() == 'b') {
        String part = clean(s.getData());
        if (!part.isEmpty()) {
          edition.append(edition.length() == 0 ? "" : " ").append(part);
        }
      }
    }
    String e = trimIsbd(edition.toString(), true);
    return e.isEmpty() ? null : e;
  }

  private static List<String> subjects(Record record) {
    Set<String> subjects = new LinkedHashSet<>();
    for (VariableField v : record.getVariableFields("650")) {
      List<String> parts = new ArrayList<>();
      for (Subfield s : ((DataField) v).getSubfields()) {
        char c = s.getCode();
        if (c == 'a' || c == 'x' || c == 'y' || c == 'z' || c == 'v') {
          String part = trimIsbd(clean(s.getData()), false);
          if (!part.isEmpty()) {
            parts.add(part);
          }
        }
      }
      if (!parts.isEmpty()) {
        subjects.add(String.join(" -- ", parts));
      }
    }
    return new ArrayList<>(subjects);
  }

  /**
   * Values of a subfield in every field with the tag; with {@code source}, only fields whose $2
   * starts with it (084 $2 rubbk: BBK).
   */
  private static List<String> subfields(Record record, String tag, char code, String source) {
    List<String> values = new ArrayList<>();
    for (VariableField v : record.getVariableFields(tag)) {
      DataField f = (DataField) v;
      if (source != null) {
        Subfield s2 = f.getSubfield('2');
        if (s2 == null || !s2.getData().strip().toLowerCase(Locale.ROOT).startsWith(source)) {
          continue;
        }
      }
      for (Subfield s : f.getSubfields(code)) {
        String value = clean(s.getData());
        if (!value.isEmpty() && !values.contains(value)) {
          values.add(value);
        }
      }
    }
    return values;
  }

  private static Kind kind(Record record) {
    char type = record.getLeader().getTypeOfRecord();
    char level = record.getLeader().getImplDefined1()[0];
    return switch (type) {
      case 'a', 't' -> level == 's' ? Kind.PERIODICAL : Kind.BOOK;
      case 'm' -> Kind.ELECTRONIC;
      case 'g', 'i', 'j' -> Kind.AUDIOVISUAL;
      default -> Kind.OTHER;
    };
  }

  // ---- holdings ----

  private static List<ImportedHolding> holdings(
      Record record, String itemKey, List<String> warnings) {
    Map<String, ImportedHolding> barcoded = new LinkedHashMap<>();
    int unbarcoded = 0;
    String callNumber = null;
    String location = null;
    for (VariableField v : record.getVariableFields("852")) {
      DataField f = (DataField) v;
      String call = join(f, " ", 'k', 'h', 'i', 'm');
      if (call == null) {
        call = join(f, " ", 'j');
      }
      String loc = join(f, " / ", 'b', 'c');
      call = limit(call, MAX_CALL_NUMBER, "call number", warnings);
      loc = limit(loc, MAX_LOCATION, "location", warnings);
      Subfield p = f.getSubfield('p');
      String barcode = p == null ? "" : clean(p.getData());
      if (barcode.isEmpty()) {
        unbarcoded++;
        callNumber = callNumber == null ? call : callNumber;
        location = location == null ? loc : location;
      } else {
        String itemId = itemId(itemKey, barcode);
        ImportedHolding known = barcoded.get(itemId);
        barcoded.put(
            itemId,
            known == null
                ? new ImportedHolding(itemId, call, loc, 1)
                : new ImportedHolding(
                    itemId, known.callNumber(), known.location(), known.copies() + 1));
      }
    }
    List<ImportedHolding> holdings = new ArrayList<>();
    if (unbarcoded > 0 || barcoded.isEmpty()) {
      holdings.add(
          new ImportedHolding(itemKey, callNumber, location, unbarcoded > 1 ? unbarcoded : null));
    }
    holdings.addAll(barcoded.values());
    return holdings;
  }

  /** The item id of a control number: letters, digits and . _ / : - only, at most 40 long. */
  static String itemIdBase(String controlNumber) {
    String base = NOT_ITEM_CHAR.matcher(controlNumber.strip()).replaceAll("_");
    if (base.length() > 40) {
      base = base.substring(0, 31) + "." + String.format("%08x", controlNumber.hashCode());
    }
    return base;
  }

  private static String itemId(String base, String barcode) {
    String code = NOT_ITEM_CHAR.matcher(barcode).replaceAll("_");
    int room = MAX_ITEM_ID - base.length() - 1;
    if (code.length() > room) {
      code =
          code.substring(0, Math.max(0, room - 9))
              + "."
              + String.format("%08x", barcode.hashCode());
    }
    return base + "#" + code;
  }

  private static String join(DataField f, String separator, char... codes) {
    List<String> parts = new ArrayList<>();
    for (Subfield s : f.getSubfields()) {
      for (char c : codes) {
        if (s.getCode() == c) {
          String part = trimIsbd(clean(s.getData()), true);
          if (!part.isEmpty()) {
            parts.add(part);
          }
        }
      }
    }
    return parts.isEmpty() ? null : String.join(separator, parts);
  }

  // ---- text ----

  static String control(Record record, String tag) {
    ControlField f = (ControlField) record.getVariableField(tag);
    if (f == null || f.getData() == null) {
      return null;
    }
    String value = clean(f.getData());
    return value.isEmpty() ? null : value;
  }

  /** A fixed-length control field (008) as it is: its positions carry the meaning. */
  private static String fixedLength(Record record, String tag) {
    ControlField f = (ControlField) record.getVariableField(tag);
    return f == null ? null : f.getData();
  }

  /** Control characters out, runs of white space to one space, trimmed. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    if (isClean(s)) {
      return s;
    }
    String noControls = CONTROL_CHARS.matcher(s).replaceAll("");
    return SPACES.matcher(noControls).replaceAll(" ").strip();
  }

  /** The common case, checked without regular expressions: nothing for {@link #clean} to do. */
  private static boolean isClean(String s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(n - 1))) {
      return false;
    }
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
        return false;
      }
      boolean isSpace = c == ' ';
      if ((isSpace && space) || (!isSpace && Character.isWhitespace(c))) {
        return false;
      }
      space = isSpace;
    }
    return true;
  }

  /**
   * Removes ISBD punctuation that ends a MARC subfield (" /", " :", ";", ",", "="), and, unless
   * {@code keepPeriod}, a final period (not an ellipsis).
   */
  static String trimIsbd(String s, boolean keepPeriod) {
    String t = trimTrailingIsbd(s);
    if (!keepPeriod && t.endsWith(".") && !t.endsWith("..")) {
      t = trimTrailingIsbd(t.substring(0, t.length() - 1));
    }
    return t.strip();
  }

  private static String trimTrailingIsbd(String s) {
    int end = s.length();
    while (end > 0) {
      char c = s.charAt(end - 1);
      if (Character.isWhitespace(c) || c == '/' || c == ':' || c == ';' || c == ',' || c == '=') {
        end--;
      } else {
        break;
      }
    }
    return end == s.length() ? s : s.substring(0, end);
  }

  /** "Austen, Jane," → "Austen, Jane"; "Lutz, Mark." → "Lutz, Mark"; "Smith, J." stays. */
  static String trimName(String s) {
    String t = trimTrailingIsbd(s);
    if (t.endsWith(".") && !t.endsWith("..") && !INITIAL_AT_END.matcher(t).find()) {
      t = t.substring(0, t.length() - 1);
    }
    return trimTrailingIsbd(t).strip();
  }

  private static String limit(String value, int max, String what, List<String> warnings) {
    if (value == null || value.length() <= max) {
      return value;
    }
    warnings.add(what + " cut to " + max + " characters");
    return value.substring(0, max).strip();
  }

  private static List<String> terms(List<String> values, String what, List<String> warnings) {
    List<String> kept = new ArrayList<>();
    for (String v : values) {
      if (kept.size() == MAX_SUBJECTS) {
        warnings.add("only the first " + MAX_SUBJECTS + " " + what + " kept");
        break;
      }
      kept.add(v.length() > MAX_TERM ? v.substring(0, MAX_TERM).strip() : v);
    }
    return kept;
  }

  /** FNV-1a over every field but 001 and 005 (the control number and the last-change stamp). */
  static long contentHash(Record record) {
    long h = 0xcbf29ce484222325L;
    for (VariableField v : record.getVariableFields()) {
      String tag = v.getTag();
      if ("001".equals(tag) || "005".equals(tag)) {
        continue;
      }
      h = fnv(h, tag);
      if (v instanceof ControlField c) {
        h = fnv(h, c.getData());
      } else {
        DataField d = (DataField) v;
        h = fnv(h, String.valueOf(d.getIndicator1()) + d.getIndicator2());
        for (Subfield s : d.getSubfields()) {
          h = fnv(h, String.valueOf(s.getCode()));
          h = fnv(h, s.getData());
        }
      }
    }
    return h;
  }

  private static long fnv(long h, String s) {
    if (s == null) {
      return h;
    }
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= 0x1F;
    h *= 0x100000001b3L;
    return h;
  }
}
