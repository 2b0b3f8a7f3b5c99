package org.kitepkana.catalog.marc.adapter.out.marc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.catalog.marc.MarcTestFiles.NEB_CYRILLIC;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.read;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.readable;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.skipped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kitepkana.catalog.marc.MarcTestFiles;
import org.kitepkana.catalog.marc.MarcTestFiles.Field;
import org.kitepkana.catalog.marc.application.MarcSource;
import org.kitepkana.catalog.marc.domain.ImportedRecord;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.Record;

/**
 * UTF-8, MARC-8 and CP1251: by leader/09, by the upload's parameter, and detected when a CIS export
 * leaves leader/09 blank. The CP1251 file is the real Russian State Library file re-encoded the way
 * such systems export it.
 */
class MarcEncodingsTest {

  @TempDir Path dir;

  @Test
  void detectsCp1251InACisExportWithABlankLeaderAndReadsTheSameCyrillicText() throws IOException {
    List<ImportedRecord> utf8 = readable(read(MarcTestFiles.path(NEB_CYRILLIC)));
    byte[] cp1251 = reencode(MarcTestFiles.path(NEB_CYRILLIC), "windows-1251", ' ');

    List<MarcSource.SourceRecord> all = read(dir, cp1251, SourceEncoding.AUTO);

    assertThat(all).hasSize(13);
    assertThat(all)
        .allSatisfy(r -> assertThat(((MarcSource.Readable) r).encoding()).isEqualTo("CP1251"));
    assertThat(readable(all))
        .extracting(r -> r.description().title())
        .isEqualTo(utf8.stream().map(r -> r.description().title()).toList());
    assertThat(readable(all).get(5).description().authors())
        .containsExactly("Шипов, Сергей Павлович");
    assertThat(readable(all).get(0).description().bbk())
        .containsExactly("Э372.24-637.21-347.08Амвросий,0");
  }

  @Test
  void readsCp1251WhenTheUploadSaysSoEvenIfTheLeaderClaimsUtf8() throws IOException {
    byte[] lying = reencode(MarcTestFiles.path(NEB_CYRILLIC), "windows-1251", 'a');

    List<MarcSource.SourceRecord> auto = read(dir, lying, SourceEncoding.AUTO);
    List<MarcSource.SourceRecord> told = read(dir, lying, SourceEncoding.CP1251);

    assertThat(skipped(auto))
        .hasSize(13)
        .allSatisfy(i -> assertThat(i.reason()).contains("invalid UTF-8").contains("encoding="));
    assertThat(readable(told)).hasSize(13);
    assertThat(readable(told).get(1).description().title()).isEqualTo("1857 год");
  }

  @Test
  void readsMarc8CyrillicWrittenWithEscapeSequences() {
    byte[] marc8 = new UnicodeToAnsel().convert("Жамийла").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(marc8).contains((byte) 0x1B);
    byte[] record =
        MarcTestFiles.record(
            ' ',
            List.of(
                Field.control("001", "m8-1"),
                Field.raw("245", concat("  \u001Fa".getBytes(StandardCharsets.US_ASCII), marc8))));

    List<MarcSource.SourceRecord> all = read(dir, record, SourceEncoding.AUTO);

    assertThat(((MarcSource.Readable) all.get(0)).encoding()).isEqualTo("MARC_8");
    assertThat(readable(all).get(0).description().title()).isEqualTo("Жамийла");
  }

  @Test
  void readsMarc8DiacriticsBeforeTheirLetterAsComposedUnicode() {
    byte[] title =
        concat(
            "Gef".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xE8},
            "uhl und Verstand".getBytes(StandardCharsets.US_ASCII));
    byte[] record =
        MarcTestFiles.record(
            ' ',
            List.of(
                Field.control("001", "m8-2"),
                Field.raw("245", concat("  \u001Fa".getBytes(StandardCharsets.US_ASCII), title))));

    List<MarcSource.SourceRecord> all = read(dir, record, SourceEncoding.AUTO);

    assertThat(((MarcSource.Readable) all.get(0)).encoding()).isEqualTo("MARC_8");
    assertThat(readable(all).get(0).description().title()).isEqualTo("Gefühl und Verstand");
  }

  @Test
  void latin1TextInABlankLeaderRecordIsNotMistakenForCp1251ButReportedAsInvalidMarc8() {
    byte[] record =
        MarcTestFiles.record(
            ' ',
            List.of(
                Field.control("001", "l1-1"),
                Field.data("245", StandardCharsets.ISO_8859_1, "a", "Müller und Söhne")));

    List<MarcSource.SourceRecord> all = read(dir, record, SourceEncoding.AUTO);

    assertThat(skipped(all))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.controlNumber()).isEqualTo("l1-1");
              assertThat(i.reason()).startsWith("field 245: invalid MARC-8");
            });
  }

  @Test
  void aUtf8RecordWithABlankLeaderIsReadAsUtf8() {
    byte[] record =
        MarcTestFiles.record(
            ' ',
            List.of(
                Field.control("001", "u8-1"),
                Field.data(
                    "245", StandardCharsets.UTF_8, "a", "Кыргыз элинин оозеки чыгармачылыгы")));

    List<MarcSource.SourceRecord> all = read(dir, record, SourceEncoding.AUTO);

    assertThat(((MarcSource.Readable) all.get(0)).encoding()).isEqualTo("UTF_8");
    assertThat(readable(all).get(0).description().title())
        .isEqualTo("Кыргыз элинин оозеки чыгармачылыгы");
  }

  /** The file's records written again in another encoding, with leader/09 set as told. */
  static byte[] reencode(Path file, String charset, char leader09) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(file)) {
      MarcPermissiveStreamReader reader = new MarcPermissiveStreamReader(in, true, true);
      MarcStreamWriter writer = new MarcStreamWriter(out, Charset.forName(charset).name());
      while (reader.hasNext()) {
        Record r = reader.next();
        r.getLeader().setCharCodingScheme(leader09);
        writer.write(r);
      }
      writer.close();
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    return MarcTestFiles.concat(parts);
  }
}
