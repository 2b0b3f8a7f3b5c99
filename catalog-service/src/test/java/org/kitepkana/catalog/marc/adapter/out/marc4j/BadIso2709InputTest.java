package org.kitepkana.catalog.marc.adapter.out.marc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.catalog.marc.MarcTestFiles.book;
import static org.kitepkana.catalog.marc.MarcTestFiles.concat;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.read;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.readable;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.skipped;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kitepkana.catalog.marc.MarcTestFiles;
import org.kitepkana.catalog.marc.MarcTestFiles.Field;
import org.kitepkana.catalog.marc.application.MarcSource;
import org.kitepkana.catalog.marc.domain.ImportedRecord;
import org.kitepkana.catalog.marc.domain.RecordIssue;
import org.kitepkana.catalog.marc.domain.SourceEncoding;

/**
 * Broken ISO 2709 input, crafted byte by byte: each broken record is reported with its position,
 * control number (when it can be read) and a reason, and never costs a valid neighbour.
 */
class BadIso2709InputTest {

  @TempDir Path dir;

  final byte[] jamila = book("kg-001", "Жамийла", "Айтматов, Чыңгыз", 1958);
  final byte[] whiteShip = book("kg-002", "Ак кеме", "Айтматов, Чыңгыз", 1970);
  final byte[] manas = book("kg-003", "Манас", "Орозбаков, Сагымбай", 1995);

  @Test
  void aFileCutOffInItsLastRecordKeepsEveryRecordBeforeIt() {
    byte[] file = concat(jamila, whiteShip, Arrays.copyOf(manas, manas.length - 40));

    List<MarcSource.SourceRecord> all = read(dir, file, SourceEncoding.AUTO);

    assertThat(readable(all))
        .extracting(r -> r.description().title())
        .containsExactly("Жамийла", "Ак кеме");
    RecordIssue issue = skipped(all).get(0);
    assertThat(issue.position()).isEqualTo(3);
    assertThat(issue.controlNumber()).isEqualTo("kg-003");
    assertThat(issue.byteOffset()).isEqualTo(jamila.length + whiteShip.length);
    assertThat(issue.reason()).startsWith("truncated: the file ends");
  }

  @Test
  void aRecordCutOffInTheMiddleOfTheFileDoesNotSwallowItsNeighbour() {
    byte[] file = concat(jamila, Arrays.copyOf(whiteShip, whiteShip.length - 30), manas);

    List<MarcSource.SourceRecord> all = read(dir, file, SourceEncoding.AUTO);

    assertThat(all).hasSize(3);
    assertThat(readable(all))
        .extracting(r -> r.description().title())
        .containsExactly("Жамийла", "Манас");
    RecordIssue issue = skipped(all).get(0);
    assertThat(issue.position()).isEqualTo(2);
    assertThat(issue.controlNumber()).isEqualTo("kg-002");
    assertThat(issue.reason())
        .startsWith("truncated: the leader says " + whiteShip.length + " bytes");
  }

  @Test
  void aWrongRecordLengthInTheLeaderIsCorrectedWithAWarning() {
    byte[] tooLong = whiteShip.clone();
    writeDigits(tooLong, 0, whiteShip.length + 15, 5);
    byte[] tooShort = manas.clone();
    writeDigits(tooShort, 0, manas.length - 15, 5);

    List<MarcSource.SourceRecord> all =
        read(dir, concat(jamila, tooLong, tooShort), SourceEncoding.AUTO);

    List<ImportedRecord> records = readable(all);
    assertThat(records)
        .extracting(r -> r.description().title())
        .containsExactly("Жамийла", "Ак кеме", "Манас");
    assertThat(records.get(1).warnings())
        .containsExactly(
            "the leader says the record is "
                + (whiteShip.length + 15)
                + " bytes, but its record terminator is at byte "
                + whiteShip.length
                + "; read as "
                + whiteShip.length
                + " bytes");
    assertThat(records.get(2).warnings())
        .singleElement()
        .satisfies(w -> assertThat(w).contains("the leader says"));
  }

  @Test
  void aWrongFieldLengthInTheDirectoryIsRepairedByTheFieldTerminatorWithAWarning() {
    byte[] broken = whiteShip.clone();
    int entry = 24 + 12 * 2; // 100, the author: its length is 3 bytes too long
    writeDigits(broken, entry + 3, fieldLength(broken, entry) + 3, 4);

    List<MarcSource.SourceRecord> all =
        read(dir, concat(jamila, broken, manas), SourceEncoding.AUTO);

    List<ImportedRecord> records = readable(all);
    assertThat(records)
        .extracting(r -> r.description().title())
        .containsExactly("Жамийла", "Ак кеме", "Манас");
    assertThat(records.get(1).description().authors()).containsExactly("Айтматов, Чыңгыз");
    assertThat(records.get(1).warnings())
        .containsExactly(
            "repaired: field 100: the directory says 38 bytes, but the field runs 35 bytes to its"
                + " field terminator; read up to the field terminator");
  }

  @Test
  void aLastFieldLongerInTheDirectoryThanInTheRecordSkipsOnlyThatRecord() {
    byte[] broken = whiteShip.clone();
    int entry = 24 + 12 * 3; // 245, the last field
    writeDigits(broken, entry + 3, fieldLength(broken, entry) + 3, 4);

    List<MarcSource.SourceRecord> all =
        read(dir, concat(jamila, broken, manas), SourceEncoding.AUTO);

    assertThat(readable(all))
        .extracting(r -> r.description().title())
        .containsExactly("Жамийла", "Манас");
    assertThat(skipped(all))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.position()).isEqualTo(2);
              assertThat(i.controlNumber()).isEqualTo("kg-002");
              assertThat(i.reason())
                  .isEqualTo(
                      "unreadable record structure (leader or directory): field 245: the directory says 21"
                          + " bytes, but the field runs 18 bytes to its field terminator");
            });
  }

  @Test
  void aDirectoryThatIsNotDigitsSkipsOnlyThatRecord() {
    byte[] broken = whiteShip.clone();
    broken[24 + 12 + 4] = 'x'; // in the length of the second directory entry

    List<MarcSource.SourceRecord> all =
        read(dir, concat(jamila, broken, manas), SourceEncoding.AUTO);

    assertThat(readable(all))
        .extracting(r -> r.description().title())
        .containsExactly("Жамийла", "Манас");
    RecordIssue issue = skipped(all).get(0);
    assertThat(issue.position()).isEqualTo(2);
    assertThat(issue.controlNumber()).isEqualTo("kg-002");
    assertThat(issue.reason())
        .startsWith(
            "unreadable record structure (leader or directory): directory entry 2 (tag 008)");
  }

  @Test
  void bytesThatAreNotUtf8InARecordThatSaysUtf8AreReportedWithTheField() {
    byte[] cp1251Title =
        MarcTestFiles.record(
            'a',
            List.of(
                Field.control("001", "cp-1"),
                Field.data(
                    "245",
                    java.nio.charset.Charset.forName("windows-1251"),
                    "a",
                    "Белый пароход")));

    List<MarcSource.SourceRecord> all =
        read(dir, concat(jamila, cp1251Title, manas), SourceEncoding.AUTO);

    assertThat(readable(all)).hasSize(2);
    RecordIssue issue = skipped(all).get(0);
    assertThat(issue.controlNumber()).isEqualTo("cp-1");
    assertThat(issue.reason())
        .startsWith("field 245: invalid UTF-8 (leader/09 is 'a', which means UTF-8)")
        .contains("encoding=utf-8, marc-8 or cp1251");
  }

  @Test
  void anOversizedFieldIsReportedAndItsNeighboursRead() {
    String note = "ө".repeat(6_000); // 12,000 bytes of UTF-8: more than a directory entry can say
    byte[] oversized =
        MarcTestFiles.record(
            'a',
            List.of(
                Field.control("001", "big-1"),
                Field.data("245", StandardCharsets.UTF_8, "a", "Чоң китеп"),
                Field.data("500", StandardCharsets.UTF_8, "a", note)));

    List<MarcSource.SourceRecord> all =
        read(dir, concat(jamila, oversized, manas), SourceEncoding.AUTO);

    assertThat(readable(all)).extracting(r -> r.description().title()).contains("Жамийла", "Манас");
    assertThat(all).hasSize(3);
    MarcSource.SourceRecord second = all.get(1);
    assertThat(second).isInstanceOf(MarcSource.Unreadable.class);
    assertThat(((MarcSource.Unreadable) second).issue().reason())
        .isEqualTo(
            "broken record: field 500: the directory says 2005 bytes, but the field runs 12005 bytes"
                + " to its field terminator (oversized field: a directory entry cannot state more"
                + " than 9,999 bytes)");
  }

  @Test
  void anOversizedRecordIsReportedAndItsNeighboursRead() {
    byte[] huge = new byte[120_000];
    Arrays.fill(huge, (byte) 'x');
    huge[huge.length - 1] = 0x1D;
    writeDigits(huge, 0, 99_999, 5);

    List<MarcSource.SourceRecord> all = read(dir, concat(jamila, huge, manas), SourceEncoding.AUTO);

    assertThat(readable(all))
        .extracting(r -> r.description().title())
        .containsExactly("Жамийла", "Манас");
    assertThat(skipped(all))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.position()).isEqualTo(2);
              assertThat(i.reason()).startsWith("oversized record: 120000 bytes");
            });
  }

  @Test
  void junkBetweenRecordsIsReportedAsOneBrokenRecord() {
    byte[] junk = "this line is not MARC at all\n".repeat(20).getBytes(StandardCharsets.US_ASCII);

    List<MarcSource.SourceRecord> all =
        read(dir, concat(jamila, junk, whiteShip, manas), SourceEncoding.AUTO);

    assertThat(readable(all))
        .extracting(r -> r.description().title())
        .containsExactly("Жамийла", "Ак кеме", "Манас");
    assertThat(skipped(all))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.position()).isEqualTo(2);
              assertThat(i.byteOffset()).isEqualTo(jamila.length);
              assertThat(i.reason())
                  .isEqualTo(
                      junk.length
                          + " bytes that are not a MARC record (no 5-digit record length at their start) before the next record");
            });
  }

  @Test
  void aFileOfGarbageWithoutAnyRecordTerminatorEndsInReportsNotInAHang() {
    byte[] garbage = new byte[700_000];
    new java.util.Random(7).nextBytes(garbage);
    for (int i = 0; i < garbage.length; i++) {
      if (garbage[i] == 0x1D) {
        garbage[i] = 0x20;
      }
    }

    List<MarcSource.SourceRecord> all = read(dir, concat(jamila, garbage), SourceEncoding.AUTO);

    assertThat(readable(all)).extracting(r -> r.description().title()).containsExactly("Жамийла");
    assertThat(skipped(all)).isNotEmpty().allSatisfy(i -> assertThat(i.reason()).isNotBlank());
    assertThat(skipped(all).get(skipped(all).size() - 1).reason())
        .startsWith("truncated: the file ends");
  }

  @Test
  void aRecordWithoutTitleIsSkippedWithTheReason() {
    byte[] noTitle =
        MarcTestFiles.record(
            'a',
            List.of(
                Field.control("001", "nt-1"),
                Field.data("100", StandardCharsets.UTF_8, "a", "Автор")));

    List<MarcSource.SourceRecord> all = read(dir, concat(noTitle, jamila), SourceEncoding.AUTO);

    assertThat(skipped(all))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.controlNumber()).isEqualTo("nt-1");
              assertThat(i.reason()).isEqualTo("no title: the record has no field 245");
            });
    assertThat(readable(all)).hasSize(1);
  }

  private static int fieldLength(byte[] record, int entry) {
    return Integer.parseInt(new String(record, entry + 3, 4, StandardCharsets.US_ASCII));
  }

  private static void writeDigits(byte[] bytes, int at, int value, int width) {
    byte[] digits = String.format("%0" + width + "d", value).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(digits, 0, bytes, at, width);
  }
}
