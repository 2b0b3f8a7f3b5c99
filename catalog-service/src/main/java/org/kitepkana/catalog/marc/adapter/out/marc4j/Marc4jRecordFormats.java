package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kitepkana.catalog.marc.application.RecordFormats;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Holding;
import org.kitepkana.catalog.record.domain.HoldingStatus;
import org.kitepkana.catalog.record.domain.Kind;
import org.marc4j.MarcJsonWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Union-catalogue records as MARC 21, written by marc4j: leader and 008 from kind, year and
 * language; 001 the record id; 020 ISBN-13; 080 UDC; 084 BBK ($2 rubbk); 100/700 authors; 245
 * title; 250 edition; 264 publisher and year; 650 subjects; one 852 per holding still held ($a
 * branch, $b location, $h call number, $p item id, $z copies). Importing such a file elsewhere
 * attaches it to the same union record (same ISBN or match key).
 */
public final class Marc4jRecordFormats implements RecordFormats {

  private static final MarcFactory FACTORY = MarcFactory.newInstance();

  /** ISO 639-1 codes branches send, as the MARC (639-2/B) codes 008 and 041 use. */
  private static final Map<String, String> LANGUAGES =
      Map.ofEntries(
          Map.entry("ky", "kir"),
          Map.entry("ru", "rus"),
          Map.entry("en", "eng"),
          Map.entry("kk", "kaz"),
          Map.entry("uz", "uzb"),
          Map.entry("tg", "tgk"),
          Map.entry("tr", "tur"),
          Map.entry("de", "ger"),
          Map.entry("fr", "fre"),
          Map.entry("zh", "chi"));

  @Override
  public void writeMarcXml(CatalogRecord record, OutputStream out) throws IOException {
    MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", true);
    writer.write(toMarc(record));
    writer.close();
  }

  @Override
  public void writeMarcJson(CatalogRecord record, OutputStream out) throws IOException {
    MarcJsonWriter writer = new MarcJsonWriter(out, MarcJsonWriter.MARC_IN_JSON);
    writer.write(toMarc(record));
    out.flush();
  }

  static Record toMarc(CatalogRecord r) {
    Description d = r.description();
    Record m = FACTORY.newRecord(leader(d.kind()));
    m.addVariableField(FACTORY.newControlField("001", r.id().value()));
    m.addVariableField(FACTORY.newControlField("008", f008(d)));
    if (d.isbn() != null) {
      m.addVariableField(field("020", ' ', ' ', 'a', d.isbn().value()));
    }
    for (String udc : d.udc()) {
      m.addVariableField(field("080", ' ', ' ', 'a', udc));
    }
    for (String bbk : d.bbk()) {
      DataField f = field("084", ' ', ' ', 'a', bbk);
      f.addSubfield(FACTORY.newSubfield('2', "rubbk"));
      m.addVariableField(f);
    }
    List<String> authors = d.authors();
    for (int i = 0; i < authors.size(); i++) {
      String a = authors.get(i);
      m.addVariableField(field(i == 0 ? "100" : "700", a.contains(",") ? '1' : '0', ' ', 'a', a));
    }
    m.addVariableField(field("245", authors.isEmpty() ? '0' : '1', '0', 'a', d.title()));
    if (d.edition() != null) {
      m.addVariableField(field("250", ' ', ' ', 'a', d.edition()));
    }
    if (d.publisher() != null || d.year() != null) {
      DataField f = FACTORY.newDataField("264", ' ', '1');
      if (d.publisher() != null) {
        f.addSubfield(FACTORY.newSubfield('b', d.publisher()));
      }
      if (d.year() != null) {
        f.addSubfield(FACTORY.newSubfield('c', String.valueOf(d.year())));
      }
      m.addVariableField(f);
    }
    for (String subject : d.subjects()) {
      m.addVariableField(field("650", ' ', '4', 'a', subject));
    }
    for (Holding h : r.holdings()) {
      if (h.status() == HoldingStatus.AVAILABLE) {
        DataField f = FACTORY.newDataField("852", ' ', ' ');
        f.addSubfield(FACTORY.newSubfield('a', h.branchId().value()));
        if (h.location() != null) {
          f.addSubfield(FACTORY.newSubfield('b', h.location()));
        }
        if (h.callNumber() != null) {
          f.addSubfield(FACTORY.newSubfield('h', h.callNumber()));
        }
        f.addSubfield(FACTORY.newSubfield('p', h.itemId()));
        f.addSubfield(FACTORY.newSubfield('z', "copies: " + h.copies()));
        m.addVariableField(f);
      }
    }
    return m;
  }

  private static DataField field(String tag, char ind1, char ind2, char code, String value) {
    DataField f = FACTORY.newDataField(tag, ind1, ind2);
    f.addSubfield(FACTORY.newSubfield(code, value));
    return f;
  }

  private static String leader(Kind kind) {
    String typeAndLevel =
        switch (kind) {
          case PERIODICAL -> "as";
          case ELECTRONIC -> "mm";
          case AUDIOVISUAL -> "gm";
          case OTHER -> "pm";
          default -> "am";
        };
    return "00000n" + typeAndLevel + " a2200000 i 4500";
  }

  private static String f008(Description d) {
    char[] f = " ".repeat(40).toCharArray();
    "000000".getChars(0, 6, f, 0);
    f[6] = d.year() == null ? 'n' : 's';
    (d.year() == null ? "uuuu" : String.format("%04d", d.year())).getChars(0, 4, f, 7);
    "xx ".getChars(0, 3, f, 15);
    language(d.language()).getChars(0, 3, f, 35);
    f[39] = 'd';
    return new String(f);
  }

  private static String language(String code) {
    if (code == null) {
      return "und";
    }
    String c = code.toLowerCase(Locale.ROOT);
    return c.length() == 3 ? c : LANGUAGES.getOrDefault(c, "und");
  }
}
