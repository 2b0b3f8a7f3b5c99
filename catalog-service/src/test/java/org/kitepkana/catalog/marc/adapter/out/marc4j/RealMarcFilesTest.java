package org.kitepkana.catalog.marc.adapter.out.marc4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.catalog.marc.MarcTestFiles.LOC_065001035;
import static org.kitepkana.catalog.marc.MarcTestFiles.NEB_CYRILLIC;
import static org.kitepkana.catalog.marc.MarcTestFiles.PRIDE_AND_PREJUDICE;
import static org.kitepkana.catalog.marc.MarcTestFiles.PYMARC_MARC8;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.at;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.encodingAt;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.read;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.readable;
import static org.kitepkana.catalog.marc.adapter.out.marc4j.MarcReading.skipped;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.marc.MarcTestFiles;
import org.kitepkana.catalog.marc.application.MarcSource;
import org.kitepkana.catalog.marc.domain.ImportedHolding;
import org.kitepkana.catalog.marc.domain.ImportedRecord;
import org.kitepkana.catalog.marc.domain.RecordIssue;
import org.kitepkana.catalog.record.domain.Kind;

/**
 * The four real files of shared/data/marc, read and mapped. Every expected value below was read
 * from the files themselves (their raw bytes, independently of this code).
 */
class RealMarcFilesTest {

  @Test
  void readsTheRussianStateLibraryRecordsInCyrillicFromUtf8() {
    List<MarcSource.SourceRecord> all = read(MarcTestFiles.path(NEB_CYRILLIC));

    assertThat(all).hasSize(13);
    assertThat(readable(all)).hasSize(13);
    assertThat(encodingAt(all, 1)).isEqualTo("UTF_8");

    ImportedRecord first = at(all, 1);
    assertThat(first.controlNumber()).isEqualTo("002405534");
    assertThat(first.description().title())
        .startsWith("Благодарственный глас сердец, которым Святейшаго правительствующаго синода")
        .endsWith("в день тезоименитства его высокопреосвященства");
    assertThat(first.description().year()).isEqualTo(1807);
    assertThat(first.description().language()).isEqualTo("rus");
    assertThat(first.description().publisher()).isEqualTo("В Университетской типографии");
    assertThat(first.description().bbk()).containsExactly("Э372.24-637.21-347.08Амвросий,0");
    assertThat(first.description().subjects())
        .singleElement()
        .satisfies(s -> assertThat(s).startsWith("Религия -- Христианство -- Православие"));
    assertThat(first.description().kind()).isEqualTo(Kind.BOOK);
    assertThat(first.holdings())
        .containsExactly(new ImportedHolding("002405534#XIX-15522", "MK XIX / 4°-Б", "MK", 1));

    ImportedRecord sixth = at(all, 6);
    assertThat(sixth.description().title())
        .isEqualTo("Устройство благонадежной защиты государства");
    assertThat(sixth.description().authors()).containsExactly("Шипов, Сергей Павлович");
    assertThat(sixth.description().publisher()).isEqualTo("Тип. В. Готье");
    assertThat(sixth.description().year()).isEqualTo(1873);
    assertThat(sixth.description().bbk()).containsExactly("Х819(2)111,0");
    // Three 852 without a barcode: three copies of the record's own item, shelved in FB.
    assertThat(sixth.holdings())
        .containsExactly(new ImportedHolding("002981088", "U 313/251", "FB / ALII", 3));

    ImportedRecord ninth = at(all, 9);
    assertThat(ninth.description().authors())
        .hasSize(9)
        .startsWith("Абеляр, Пьер", "Элоиза")
        .endsWith("Тимковский, Иван Осипович");
  }

  @Test
  void readsLibraryOfCongressRecordsInMarc8WithABlankLeader() {
    List<MarcSource.SourceRecord> all = read(MarcTestFiles.path(PYMARC_MARC8));

    assertThat(all).hasSize(20);
    assertThat(readable(all)).hasSize(20);
    assertThat(all)
        .allSatisfy(r -> assertThat(((MarcSource.Readable) r).encoding()).isEqualTo("MARC_8"));

    ImportedRecord second = at(all, 2);
    assertThat(second.controlNumber()).isEqualTo("12515882");
    assertThat(second.description().title()).isEqualTo("Programming Python");
    assertThat(second.description().authors()).containsExactly("Lutz, Mark");
    assertThat(second.description().isbn().value()).isEqualTo("9780596000851");
    assertThat(second.description().edition()).isEqualTo("2nd ed.");
    assertThat(second.description().publisher()).isEqualTo("O'Reilly");
    assertThat(second.description().year()).isEqualTo(2001);
    assertThat(second.description().language()).isEqualTo("eng");
    assertThat(second.description().subjects())
        .containsExactly("Python (Computer program language)");
    assertThat(second.holdings())
        .containsExactly(new ImportedHolding("12515882", null, null, null));

    assertThat(at(all, 1).description().title())
        .isEqualTo("The pragmatic programmer : from journeyman to master");
    assertThat(at(all, 1).description().authors()).containsExactly("Hunt, Andrew", "Thomas, David");
  }

  @Test
  void readsComputerFileRecordsAsElectronicWithTheirSubjects() {
    List<MarcSource.SourceRecord> all = read(MarcTestFiles.path(LOC_065001035));

    assertThat(all).hasSize(40);
    assertThat(readable(all)).hasSize(40);
    ImportedRecord first = at(all, 1);
    assertThat(first.controlNumber()).isEqualTo("1-065001035");
    assertThat(first.description().kind()).isEqualTo(Kind.ELECTRONIC);
    assertThat(first.description().authors()).containsExactly("Eurostat");
    assertThat(first.description().year()).isEqualTo(2018);
    assertThat(first.description().language()).isEqualTo("eng");
    assertThat(first.description().publisher()).isEqualTo("Data-Planet by Conquest Systems");
    assertThat(first.description().title())
        .startsWith("Community Innovation Survey from the Eurostat Statistics database Date Type:");
    assertThat(first.description().subjects())
        .containsExactly(
            "European Union",
            "Research and Development",
            "Science & Technology",
            "Technological Development");
  }

  @Test
  void readsManyEditionsOfOneWorkAndSaysWhyItSkipsTheUnimarcRecords() {
    List<MarcSource.SourceRecord> all = read(MarcTestFiles.path(PRIDE_AND_PREJUDICE));

    assertThat(all).hasSize(383);
    assertThat(readable(all)).hasSize(366);
    List<RecordIssue> skipped = skipped(all);
    assertThat(skipped).hasSize(17);
    assertThat(skipped)
        .extracting(RecordIssue::position)
        .containsExactly(
            133L, 312L, 317L, 319L, 358L, 360L, 361L, 362L, 363L, 364L, 365L, 366L, 367L, 369L,
            370L, 371L, 372L);
    assertThat(skipped).allSatisfy(i -> assertThat(i.reason()).contains("UNIMARC"));
    assertThat(skipped.get(0).controlNumber()).isEqualTo("1074414");

    ImportedRecord first = at(all, 1);
    assertThat(first.description().title()).isEqualTo("Complete novels of Jane Austen");
    assertThat(first.description().isbn().value()).isEqualTo("9780004701479");
    assertThat(first.holdings())
        .containsExactly(
            new ImportedHolding(
                "UkOxUb10768856#500881138", "M94.G00395", "Bodleian / BOD Bookstack", 1));

    ImportedRecord third = at(all, 3);
    assertThat(third.description().title()).isEqualTo("Pride and prejudice");
    assertThat(third.description().edition()).isEqualTo("Large print ed.");
    assertThat(third.description().isbn().value()).isEqualTo("9780060933258");
    assertThat(third.description().year()).isEqualTo(1999);
    assertThat(third.description().subjects())
        .containsExactly(
            "Young women -- England -- Fiction",
            "Courtship -- England -- Fiction",
            "Family -- England -- Fiction",
            "Large type books");

    List<ImportedRecord> withoutControlNumber =
        readable(all).stream().filter(r -> r.controlNumber() == null).toList();
    assertThat(withoutControlNumber).hasSize(51);
    assertThat(withoutControlNumber)
        .allSatisfy(
            r -> {
              assertThat(r.itemKey()).matches("h-[0-9a-f]{16}");
              assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("no control number"));
            });
  }

  @Test
  void readingTheSameFileTwiceGivesTheSameItemIds() {
    List<String> once =
        readable(read(MarcTestFiles.path(PRIDE_AND_PREJUDICE))).stream()
            .map(ImportedRecord::itemKey)
            .toList();
    List<String> twice =
        readable(read(MarcTestFiles.path(PRIDE_AND_PREJUDICE))).stream()
            .map(ImportedRecord::itemKey)
            .toList();

    assertThat(twice).isEqualTo(once);
  }
}
