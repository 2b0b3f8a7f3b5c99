package org.kitepkana.catalog.marc.adapter.out.marc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.catalog.marc.MarcTestFiles.NEB_CYRILLIC;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.read;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.readable;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.skipped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kitepkana.catalog.marc.MarcTestFiles;
import org.kitepkana.catalog.marc.application.MarcSource;
import org.kitepkana.catalog.marc.domain.ImportedRecord;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.kitepkana.catalog.marc.domain.SourceFormat;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcXmlWriter;

/** MARCXML reading (streaming, record by record, hardened) and telling MARC from anything else. */
class MarcXmlAndSniffingTest {

  @TempDir Path dir;
  final Marc4jSource source = new Marc4jSource();

  @Test
  void readsMarcXmlWithTheSameCyrillicRecordsAsTheIso2709File() throws IOException {
    List<ImportedRecord> iso = readable(read(MarcTestFiles.path(NEB_CYRILLIC)));

    List<MarcSource.SourceRecord> xml = readXml(marcXml());

    assertThat(xml).hasSize(13);
    assertThat(readable(xml))
        .extracting(r -> r.description())
        .isEqualTo(iso.stream().map(ImportedRecord::description).toList());
    assertThat(readable(xml))
        .extracting(ImportedRecord::controlNumber)
        .containsExactlyElementsOf(iso.stream().map(ImportedRecord::controlNumber).toList());
    assertThat(readable(xml).get(0).byteOffset()).isEqualTo(-1);
  }

  @Test
  void xmlThatStopsBeingWellFormedKeepsTheRecordsBeforeAndSaysWhere() throws IOException {
    String xml = new String(marcXml(), StandardCharsets.UTF_8);
    int fifth = nthIndexOf(xml, "<marc:record", 5);
    byte[] cut = (xml.substring(0, fifth + 200) + "<<<").getBytes(StandardCharsets.UTF_8);

    List<MarcSource.SourceRecord> all = readXml(cut);

    assertThat(readable(all)).hasSize(4);
    assertThat(skipped(all))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.position()).isEqualTo(5);
              assertThat(i.reason())
                  .startsWith("the MARCXML is not well-formed at line")
                  .contains("nothing after this point");
            });
  }

  @Test
  void aRecordMarc4jCannotBuildIsSkippedAndTheNextOneRead() throws IOException {
    String xml = new String(marcXml(), StandardCharsets.UTF_8);
    int second = nthIndexOf(xml, "<marc:leader>", 2);
    int end = xml.indexOf("</marc:leader>", second);
    String broken = xml.substring(0, second) + "<marc:leader>x" + xml.substring(end);

    List<MarcSource.SourceRecord> all = readXml(broken.getBytes(StandardCharsets.UTF_8));

    assertThat(all).hasSize(13);
    assertThat(readable(all)).hasSize(12);
    assertThat(skipped(all))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.position()).isEqualTo(2);
              assertThat(i.reason()).startsWith("the record could not be read");
            });
  }

  @Test
  void refusesXmlWithADoctypeSoNoExternalEntityIsEverRead() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "do not read me");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE collection [<!ENTITY s SYSTEM \""
            + secret.toUri()
            + "\">]>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record>"
            + "<leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">x1</controlfield>"
            + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">&s;</subfield>"
            + "</datafield></record></collection>";

    List<MarcSource.SourceRecord> all = readXml(xml.getBytes(StandardCharsets.UTF_8));

    assertThat(readable(all)).isEmpty();
    assertThat(skipped(all))
        .singleElement()
        .satisfies(
            i -> assertThat(i.reason()).contains("DOCTYPE").doesNotContain("do not read me"));
  }

  @Test
  void tellsIso2709AndMarcXmlFromTheirFirstBytes() throws IOException {
    assertThat(sniff(MarcTestFiles.bytes(NEB_CYRILLIC)))
        .isEqualTo(new MarcSource.Marc(SourceFormat.ISO_2709));
    assertThat(
            sniff(
                concat(
                    "\n\r\n".getBytes(StandardCharsets.US_ASCII),
                    MarcTestFiles.bytes(NEB_CYRILLIC))))
        .isEqualTo(new MarcSource.Marc(SourceFormat.ISO_2709));
    assertThat(sniff(marcXml())).isEqualTo(new MarcSource.Marc(SourceFormat.MARCXML));
    assertThat(sniff(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, marcXml())))
        .isEqualTo(new MarcSource.Marc(SourceFormat.MARCXML));
  }

  @Test
  void saysWhatAnUploadIsWhenItCannotBeMarc() {
    assertThat(sniff(new byte[0])).isEqualTo(new MarcSource.Empty());
    assertThat(sniff(" \n\t\n".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(new MarcSource.Empty());
    assertThat(reason("%PDF-1.7\n...")).isEqualTo("a PDF document, not a MARC file");
    assertThat(reason("PK\u0003\u0004xl/workbook.xml")).startsWith("a ZIP archive");
    assertThat(reason("{\"items\": []}")).startsWith("JSON, not a MARC file");
    assertThat(reason("Title;Author;ISBN\nЖамийла;Айтматов;\n"))
        .startsWith("text that does not start with a MARC leader");
    assertThat(reason("<html><body>Китептер</body></html>"))
        .startsWith("an XML document, but not MARCXML");
    assertThat(reason("01234nam")).startsWith("the file has only 8 bytes");
    byte[] binary = new byte[100];
    Arrays.fill(binary, (byte) 0x01);
    assertThat(sniff(binary))
        .isEqualTo(
            new MarcSource.NotMarc(
                "binary data that does not start with a MARC leader (a 5-digit record length)"));
  }

  private MarcSource.Sniffed sniff(byte[] bytes) {
    return source.sniff(bytes, bytes.length);
  }

  private String reason(String text) {
    return ((MarcSource.NotMarc) sniff(text.getBytes(StandardCharsets.UTF_8))).reason();
  }

  private List<MarcSource.SourceRecord> readXml(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(dir, "records-", ".xml");
    Files.write(file, bytes);
    return read(file, SourceFormat.MARCXML, SourceEncoding.AUTO);
  }

  /** The Russian State Library records as MARCXML, written by marc4j. */
  static byte[] marcXml() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(MarcTestFiles.path(NEB_CYRILLIC))) {
      MarcPermissiveStreamReader reader = new MarcPermissiveStreamReader(in, true, true);
      MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", true);
      while (reader.hasNext()) {
        writer.write(reader.next());
      }
      writer.close();
    }
    return out.toByteArray();
  }

  private static int nthIndexOf(String text, String needle, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = text.indexOf(needle, at + 1);
    }
    return at;
  }

  private static byte[] concat(byte[]... parts) {
    return MarcTestFiles.concat(parts);
  }
}
