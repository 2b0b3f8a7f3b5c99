package org.kitepkana.catalog.marc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real MARC files of {@code shared/data/marc} (see its README), found by walking up from the
 * working directory to the folder that holds {@code shared/data/marc}: the repository's parent
 * here, a sibling of the clone in CI. And a builder for crafted ISO 2709 records.
 */
public final class MarcTestFiles {

  public static final String NEB_CYRILLIC = "neb-heritage-rumorgb-2019-0000001-0000013.mrc";
  public static final String PRIDE_AND_PREJUDICE = "marc4j-pride-and-prejudice-fixed.mrc";
  public static final String LOC_065001035 = "marc4j-065001035.mrc";
  public static final String PYMARC_MARC8 = "pymarc-marc.dat";

  private MarcTestFiles() {}

  public static Path path(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared/data/marc").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "shared/data/marc/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A field of a crafted record: control field data, or indicators and subfields. */
  public record Field(String tag, byte[] data) {

    public static Field control(String tag, String value) {
      return new Field(tag, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** A data field; {@code subfields} alternate code and value, e.g. "a", "Title". */
    public static Field data(String tag, Charset charset, String... subfields) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("  ".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < subfields.length; i += 2) {
        out.write(0x1F);
        out.writeBytes(subfields[i].getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(subfields[i + 1].getBytes(charset));
      }
      return new Field(tag, out.toByteArray());
    }

    public static Field raw(String tag, byte[] indicatorsAndSubfields) {
      return new Field(tag, indicatorsAndSubfields);
    }
  }

  /** A well-formed ISO 2709 record: leader, directory, fields; lengths computed. */
  public static byte[] record(char leader09, List<Field> fields) {
    ByteArrayOutputStream directory = new ByteArrayOutputStream();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (Field f : fields) {
      int length = f.data().length + 1;
      directory.writeBytes(
          String.format("%s%04d%05d", f.tag(), length % 10_000, data.size())
              .getBytes(StandardCharsets.US_ASCII));
      data.writeBytes(f.data());
      data.write(0x1E);
    }
    directory.write(0x1E);
    int base = 24 + directory.size();
    int total = base + data.size() + 1;
    String leader = String.format("%05dnam %c22%05d   4500", total % 100_000, leader09, base);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(leader.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(directory.toByteArray());
    out.writeBytes(data.toByteArray());
    out.write(0x1D);
    return out.toByteArray();
  }

  /** A simple book record with a title, author and year, UTF-8 unless told otherwise. */
  public static byte[] book(String controlNumber, String title, String author, int year) {
    return record(
        'a',
        List.of(
            Field.control("001", controlNumber),
            Field.control("008", f008(year, "kir")),
            Field.data("100", StandardCharsets.UTF_8, "a", author),
            Field.data("245", StandardCharsets.UTF_8, "a", title)));
  }

  /** A 40-character 008 with date 1 and language at their positions (07-10, 35-37). */
  public static String f008(int year, String language) {
    char[] f = " ".repeat(40).toCharArray();
    "250101s".getChars(0, 7, f, 0);
    String.valueOf(year).getChars(0, 4, f, 7);
    "ky ".getChars(0, 3, f, 15);
    language.getChars(0, 3, f, 35);
    f[39] = 'd';
    return new String(f);
  }

  /**
   * The real files repeated until {@code records} records: copy k of a record gets control number
   * {@code <prefix>k-<n>}, a fresh valid ISBN-13 and " [k]" after its title, so every record is a
   * distinct item and edition (the same title, author and year would match one union record).
   */
  public static byte[] repeated(String prefix, int records) {
    List<org.marc4j.marc.Record> base = new java.util.ArrayList<>();
    for (String name : List.of(PRIDE_AND_PREJUDICE, LOC_065001035, NEB_CYRILLIC, PYMARC_MARC8)) {
      try (var in = java.nio.file.Files.newInputStream(path(name))) {
        var reader = new org.marc4j.MarcPermissiveStreamReader(in, true, true);
        while (reader.hasNext()) {
          base.add(reader.next());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    var factory = org.marc4j.marc.MarcFactory.newInstance();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var writer = new org.marc4j.MarcStreamWriter(out, "UTF-8");
    for (int n = 0; n < records; n++) {
      org.marc4j.marc.Record r = base.get(n % base.size());
      var cn = (org.marc4j.marc.ControlField) r.getVariableField("001");
      if (cn == null) {
        cn = factory.newControlField("001", "");
        r.addVariableField(cn);
      }
      cn.setData(prefix + (n / base.size()) + "-" + n);
      r.getVariableFields("020").forEach(r::removeVariableField);
      var isbn = factory.newDataField("020", ' ', ' ');
      isbn.addSubfield(factory.newSubfield('a', isbn13(n)));
      r.addVariableField(isbn);
      int copy = n / base.size();
      var title = (org.marc4j.marc.DataField) r.getVariableField("245");
      if (title != null && title.getSubfield('a') != null && copy > 0) {
        var a = title.getSubfield('a');
        var m =
            java.util.regex.Pattern.compile("^(.*?)([\\s/:;,=.]*)$")
                .matcher(a.getData().replaceAll(" \\[\\d+\\]", ""));
        if (m.matches()) {
          a.setData(m.group(1) + " [" + copy + "]" + m.group(2));
        }
      }
      r.getLeader().setCharCodingScheme('a');
      writer.write(r);
    }
    writer.close();
    return out.toByteArray();
  }

  /** A valid ISBN-13 from a counter: 979-1 block, nine digits of the counter, check digit. */
  public static String isbn13(int n) {
    String digits = "9791" + String.format("%08d", n);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return digits + (10 - sum % 10) % 10;
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
