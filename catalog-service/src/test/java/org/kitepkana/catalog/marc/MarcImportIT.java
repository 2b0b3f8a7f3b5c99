package org.kitepkana.catalog.marc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kitepkana.catalog.CatalogApi;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.marc.MarcTestFiles.Field;
import org.kitepkana.catalog.marc.application.JobSupervisor;
import org.kitepkana.catalog.marc.application.MarcJobStore;
import org.kitepkana.catalog.marc.application.UploadArea;
import org.kitepkana.catalog.marc.domain.ImportCounters;
import org.kitepkana.catalog.marc.domain.ImportOptions;
import org.kitepkana.catalog.marc.domain.JobState;
import org.kitepkana.catalog.marc.domain.MarcJob;
import org.kitepkana.catalog.marc.domain.MarcJobId;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.kitepkana.catalog.marc.domain.SourceFormat;
import org.kitepkana.contracts.EventSchemas;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.kitepkana.platform.testsupport.KafkaTestConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * MARC import end to end inside the service: upload, job, matching, store, events, error report;
 * against the embedded broker and store, with the real files of shared/data/marc. These imports
 * publish thousands of events on the broker every test class of the JVM shares: afterwards the
 * class waits for its outbox to drain and truncates the records topic, so that later classes that
 * read the topic from its start (the delta feed) see only their own events; and its context is
 * closed after the class, while the broker is still up, so its consumers do not race the broker's
 * shutdown at the end of the JVM.
 */
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EmbeddedInfrastructureTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kitepkana.marc.work-dir=${java.io.tmpdir}/kitepkana-marc-it-${random.uuid}",
      "kitepkana.marc.chunk-size=100",
      "kitepkana.marc.recover-every=1h"
    })
class MarcImportIT {

  @LocalServerPort int port;
  @Autowired MarcJobStore jobs;
  @Autowired com.mongodb.client.MongoDatabase database;
  @Autowired UploadArea uploads;
  @Autowired JobSupervisor supervisor;
  @Autowired MarcConfiguration.Owner owner;
  CatalogApi catalog;
  MarcApi marc;
  String suffix;

  @AfterAll
  void leaveTheSharedTopicAsOtherClassesExpectIt() throws Exception {
    var records = database.getCollection("records");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                records.countDocuments(
                        new org.bson.Document("outbox.0", new org.bson.Document("$exists", true)))
                    == 0);
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.kafkaBootstrap()))) {
      String topic = "catalog.records.v1";
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, RecordsToDelete> truncate = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((tp, end) -> truncate.put(tp, RecordsToDelete.beforeOffset(end.offset())));
      admin.deleteRecords(truncate).all().get();
    }
  }

  @BeforeEach
  void setUp() {
    catalog = new CatalogApi("http://127.0.0.1:" + port);
    marc = new MarcApi("http://127.0.0.1:" + port);
    suffix = UUID.randomUUID().toString().substring(0, 6);
  }

  String branch(String name) {
    String id = name + "-" + suffix;
    assertThat(catalog.registerBranch(id, "Китепкана " + name, "DISTRICT", null).status())
        .isEqualTo(201);
    return id;
  }

  JsonNode completed(MarcApi.Answer started) {
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    assertThat(started.location()).isEqualTo(started.body().at("/links/self").asString());
    return finished(started.location());
  }

  JsonNode finished(String self) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] = marc.get(self).body();
              return last[0].get("state").asString().equals("COMPLETED")
                  || last[0].get("state").asString().equals("FAILED");
            });
    assertThat(last[0].get("state").asString()).as(last[0].toString()).isEqualTo("COMPLETED");
    return last[0];
  }

  static void assertRecords(JsonNode job, long read, long imported, long failed, long duplicates) {
    JsonNode r = job.get("records");
    assertThat(r.get("read").asLong()).as(job.toString()).isEqualTo(read);
    assertThat(r.get("imported").asLong()).isEqualTo(imported);
    assertThat(r.get("failed").asLong()).isEqualTo(failed);
    assertThat(r.get("duplicates").asLong()).isEqualTo(duplicates);
    assertThat(r.get("created").asLong() + r.get("matched").asLong()).isEqualTo(imported);
  }

  List<JsonNode> holdings(String branch) {
    JsonNode page = catalog.get("/api/catalog/branches/" + branch + "/holdings?size=500").body();
    List<JsonNode> items = new ArrayList<>();
    page.get("items").forEach(items::add);
    assertThat(page.get("total").asInt()).isEqualTo(items.size());
    return items;
  }

  @Test
  void importsCyrillicRecordsMatchesThemFromASecondBranchAndReimportsWithoutDuplicates() {
    String atBashy = branch("at-bashy");
    String kochkor = branch("kochkor");
    byte[] neb = MarcTestFiles.bytes(MarcTestFiles.NEB_CYRILLIC);

    JsonNode first = completed(marc.upload(atBashy, neb, "application/marc", "fileName=neb.mrc"));

    assertRecords(first, 13, 13, 0, 0);
    assertThat(first.at("/records/created").asLong()).isEqualTo(13);
    assertThat(first.at("/recordsByEncoding/UTF_8").asLong()).isEqualTo(13);
    assertThat(first.get("format").asString()).isEqualTo("ISO_2709");
    assertThat(first.get("fileName").asString()).isEqualTo("neb.mrc");
    assertThat(first.get("bytes").asLong()).isEqualTo(neb.length);
    assertThat(first.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(first.get("secondsLeft").asLong()).isZero();
    List<JsonNode> held = holdings(atBashy);
    // 13 records: 11 items under the record's 001 and 14 barcoded items (852 $p).
    assertThat(held).hasSize(25);
    JsonNode shipov =
        held.stream()
            .filter(h -> h.get("itemId").asString().equals("002981088"))
            .findFirst()
            .orElseThrow();
    assertThat(shipov.get("title").asString())
        .isEqualTo("Устройство благонадежной защиты государства");
    assertThat(shipov.get("copies").asInt()).isEqualTo(3);
    assertThat(shipov.get("callNumber").asString()).isEqualTo("U 313/251");
    JsonNode record =
        catalog.get("/api/catalog/records/" + shipov.get("recordId").asString()).body();
    assertThat(record.get("bbk").get(0).asString()).isEqualTo("Х819(2)111,0");
    assertThat(record.get("language").asString()).isEqualTo("rus");
    assertThat(record.get("year").asInt()).isEqualTo(1873);

    JsonNode second = completed(marc.upload(kochkor, neb));

    assertRecords(second, 13, 13, 0, 0);
    assertThat(second.at("/records/matched").asLong()).isEqualTo(13);
    JsonNode shared =
        catalog.get("/api/catalog/records/" + shipov.get("recordId").asString()).body();
    assertThat(shared.get("holdings"))
        .extracting(h -> h.get("branchId").asString())
        .containsExactlyInAnyOrder(atBashy, kochkor);

    JsonNode again = completed(marc.upload(atBashy, neb));

    assertRecords(again, 13, 13, 0, 0);
    assertThat(again.at("/records/unchanged").asLong()).isEqualTo(13);
    assertThat(holdings(atBashy)).hasSize(25);
    assertThat(
            catalog
                .get("/api/catalog/records/" + shipov.get("recordId").asString())
                .body()
                .get("version")
                .asInt())
        .isEqualTo(shared.get("version").asInt());

    String recordId = shipov.get("recordId").asString();
    exportsTheRecordAsMarcXmlThatImportsBackOntoTheSameRecord(recordId, held.size(), atBashy);
    try (var kafka =
        new KafkaTestConsumer(EmbeddedInfrastructure.kafkaBootstrap(), "catalog.records.v1")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(kafka.poll())
                      .filteredOn(r -> recordId.equals(r.key()))
                      .extracting(r -> r.header("ce_type"))
                      .containsExactly(
                          "kitepkana.catalog.record.created",
                          "kitepkana.catalog.holding.added",
                          "kitepkana.catalog.holding.added",
                          "kitepkana.catalog.holding.added"));
      for (var seen : kafka.poll()) {
        if (recordId.equals(seen.key())) {
          EventSchemas.assertValid(seen.header("ce_type"), seen.body());
          if (seen.header("ce_type").equals("kitepkana.catalog.record.created")) {
            assertThat(seen.body())
                .contains("\"bbk\":[\"Х819(2)111,0\"]", "\"subjects\":[\"Государство и право.");
          }
        }
      }
    }
  }

  void exportsTheRecordAsMarcXmlThatImportsBackOntoTheSameRecord(
      String recordId, int holdingsOfBranch, String branch) {
    MarcApi.Answer xml = marc.get("/api/catalog/records/" + recordId + "/marcxml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.contentType()).startsWith("application/marcxml+xml");
    assertThat(xml.raw())
        .contains("<marc:controlfield tag=\"001\">" + recordId + "</marc:controlfield>")
        .contains("Устройство благонадежной защиты государства")
        .contains("<marc:subfield code=\"a\">Х819(2)111,0</marc:subfield>")
        .contains("<marc:subfield code=\"2\">rubbk</marc:subfield>")
        .contains("<marc:subfield code=\"a\">Шипов, Сергей Павлович</marc:subfield>");

    String naryn = branch("naryn-city");
    JsonNode roundTrip =
        completed(
            marc.upload(
                naryn,
                xml.raw().getBytes(StandardCharsets.UTF_8),
                "application/marcxml+xml",
                null));
    assertRecords(roundTrip, 1, 1, 0, 0);
    assertThat(roundTrip.get("format").asString()).isEqualTo("MARCXML");
    assertThat(roundTrip.at("/records/matched").asLong()).isEqualTo(1);
    assertThat(holdings(naryn))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.get("recordId").asString()).isEqualTo(recordId);
              assertThat(h.get("itemId").asString()).isEqualTo(recordId + "#002981088");
            });

    MarcApi.Answer json = marc.get("/api/catalog/records/" + recordId + "/marc-json");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.body().get("leader").asString()).startsWith("00000nam");
    List<String> titles = new ArrayList<>();
    json.body()
        .get("fields")
        .forEach(
            f -> {
              if (f.has("245")) {
                titles.add(f.at("/245/subfields/0/a").asString());
              }
            });
    assertThat(titles).containsExactly("Устройство благонадежной защиты государства");

    MarcApi.Answer csv = marc.get("/api/catalog/branches/" + branch + "/holdings.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    List<String> lines = csv.raw().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "\uFEFFitemId,recordId,title,authors,isbn13,year,publisher,language,callNumber,location,copies,status");
    assertThat(lines).hasSize(1 + holdingsOfBranch);
    assertThat(lines)
        .contains(
            "002981088,"
                + recordId
                + ",Устройство благонадежной защиты государства,\"Шипов, Сергей Павлович\",,1873,Тип. В. Готье,rus,U 313/251,FB / ALII,3,AVAILABLE");
    assertThat(marc.get("/api/catalog/records/01ARZ3NDEKTSV4RRFFQ69G5FAV/marcxml").status())
        .isEqualTo(404);
    assertThat(marc.get("/api/catalog/branches/no-such-branch/holdings.csv").status())
        .isEqualTo(404);
  }

  @Test
  void importsTheOtherRealFilesCountingEveryRecordAndReportingEachOneItSkipped() {
    String naryn = branch("naryn");

    JsonNode prideAndPrejudice =
        completed(marc.upload(naryn, MarcTestFiles.bytes(MarcTestFiles.PRIDE_AND_PREJUDICE)));
    JsonNode pymarc =
        completed(marc.upload(naryn, MarcTestFiles.bytes(MarcTestFiles.PYMARC_MARC8)));
    JsonNode loc = completed(marc.upload(naryn, MarcTestFiles.bytes(MarcTestFiles.LOC_065001035)));

    // 383 records: 17 UNIMARC ones skipped, 19 exact repeats counted once, 51 without 001 (2 of
    // them repeats) imported with a warning.
    assertRecords(prideAndPrejudice, 383, 347, 17, 19);
    // The file holds many editions of one work, most with the same title, author and year (one
    // match key) and each with its own ISBN: each such edition is a record of its own (when any
    // edition with a shared key joined the first, 205 records were created and 142 matched).
    assertThat(prideAndPrejudice.at("/records/created").asLong()).isEqualTo(338);
    assertThat(prideAndPrejudice.at("/records/matched").asLong()).isEqualTo(9);
    assertThat(prideAndPrejudice.at("/records/warnings").asLong()).isEqualTo(49);
    assertRecords(pymarc, 20, 20, 0, 0);
    assertThat(pymarc.at("/recordsByEncoding/MARC_8").asLong()).isEqualTo(20);
    assertRecords(loc, 40, 40, 0, 0);

    String csv = marc.get(prideAndPrejudice.at("/links/errors").asString()).raw();
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFFposition,controlNumber,outcome,byteOffset,reason");
    assertThat(lines).hasSize(1 + 17 + 19 + 49);
    assertThat(lines)
        .contains(
            "133,1074414,SKIPPED,125880,\"no field 245; the record looks like UNIMARC (RUSMARC), with"
                + " its title in field 200. Only MARC 21 records are imported: export the file as MARC"
                + " 21\"");
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> Long.parseLong(l.substring(0, l.indexOf(','))))
        .isSorted();
    assertThat(lines).filteredOn(l -> l.contains(",DUPLICATE,")).hasSize(19);
    assertThat(lines)
        .filteredOn(l -> l.contains(",WARNING,"))
        .hasSize(49)
        .allSatisfy(l -> assertThat(l).contains("no control number (001)"));
  }

  @Test
  void brokenRecordsAreReportedAndTheirValidNeighboursImported() {
    String village = branch("kara-suu");
    byte[] jamila = MarcTestFiles.book("v-1", "Жамийла " + suffix, "Айтматов, Чыңгыз", 1958);
    byte[] ship = MarcTestFiles.book("v-2", "Ак кеме " + suffix, "Айтматов, Чыңгыз", 1970);
    byte[] noTitle =
        MarcTestFiles.record(
            'a',
            List.of(
                Field.control("001", "v-3"),
                Field.data("100", StandardCharsets.UTF_8, "a", "Автор")));
    byte[] cp1251InUtf8 =
        MarcTestFiles.record(
            'a',
            List.of(
                Field.control("001", "v-4"),
                Field.data("245", Charset.forName("windows-1251"), "a", "Белый пароход")));
    byte[] manas = MarcTestFiles.book("v-5", "Манас " + suffix, "Орозбаков, Сагымбай", 1995);
    byte[] file =
        MarcTestFiles.concat(
            jamila,
            java.util.Arrays.copyOf(ship, ship.length - 25),
            noTitle,
            "garbage between records\n".repeat(10).getBytes(StandardCharsets.US_ASCII),
            cp1251InUtf8,
            manas,
            java.util.Arrays.copyOf(jamila, 60));

    JsonNode job =
        completed(
            marc.upload(
                village,
                file,
                "application/octet-stream",
                "callNumber=84(2Ки)&location=абонемент&copies=2"));

    assertRecords(job, 7, 2, 5, 0);
    List<JsonNode> held = holdings(village);
    assertThat(held)
        .extracting(h -> h.get("itemId").asString())
        .containsExactlyInAnyOrder("v-1", "v-5");
    assertThat(held)
        .allSatisfy(
            h -> {
              assertThat(h.get("callNumber").asString()).isEqualTo("84(2Ки)");
              assertThat(h.get("location").asString()).isEqualTo("абонемент");
              assertThat(h.get("copies").asInt()).isEqualTo(2);
            });
    List<String> report =
        marc.get(job.at("/links/errors").asString() + "?bom=false").raw().lines().toList();
    assertThat(report).hasSize(6);
    assertThat(report.get(1))
        .startsWith("2,v-2,SKIPPED," + jamila.length + ",\"truncated: the leader says");
    assertThat(report.get(2))
        .startsWith("3,v-3,SKIPPED,")
        .endsWith("no title: the record has no field 245");
    assertThat(report.get(3))
        .startsWith("4,,SKIPPED,")
        .contains("bytes that are not a MARC record");
    assertThat(report.get(4)).startsWith("5,v-4,SKIPPED,").contains("field 245: invalid UTF-8");
    assertThat(report.get(5)).startsWith("7,,SKIPPED,").contains("truncated: the file ends");
  }

  @Test
  void cp1251FromACisSystemWithABlankLeaderIsDetectedAndImportedInCyrillic() {
    String branch = branch("jumgal");
    Charset cp1251 = Charset.forName("windows-1251");
    List<byte[]> records = new ArrayList<>();
    String[] titles = {"Белый пароход", "Прощай, Гульсары!", "Плаха"};
    for (int i = 0; i < titles.length; i++) {
      records.add(
          MarcTestFiles.record(
              ' ',
              List.of(
                  Field.control("001", "cp-" + i),
                  Field.control("008", MarcTestFiles.f008(1970 + i, "rus")),
                  Field.data("100", cp1251, "a", "Айтматов, Чингиз"),
                  Field.data("245", cp1251, "a", titles[i] + " " + suffix))));
    }

    JsonNode job =
        completed(marc.upload(branch, MarcTestFiles.concat(records.toArray(byte[][]::new))));

    assertRecords(job, 3, 3, 0, 0);
    assertThat(job.at("/recordsByEncoding/CP1251").asLong()).isEqualTo(3);
    assertThat(holdings(branch))
        .extracting(h -> h.get("title").asString())
        .containsExactlyInAnyOrder(
            "Белый пароход " + suffix, "Прощай, Гульсары! " + suffix, "Плаха " + suffix);
  }

  @Test
  void streamsAFileFarOverTheGeneralBodyLimitButNotWithAnIdempotencyKey() {
    String branch = branch("naryn-district");
    byte[] big = MarcTestFiles.repeated("big-" + suffix + "-", 5_200);
    assertThat(big.length).isGreaterThan(5 * 1024 * 1024);

    JsonNode job = completed(marc.upload(branch, big));

    // 5,200 records from the 456 real ones: 11 full rounds and the first 184 records of P&P once
    // more; its 17 UNIMARC records are skipped in every round, and record 133 in the last one.
    assertRecords(job, 5_200, 5_200 - 11 * 17 - 1, 11 * 17 + 1, 0);
    assertThat(job.get("bytes").asLong()).isEqualTo(big.length);
    assertThat(job.get("bytesRead").asLong()).isEqualTo(big.length);
    MarcApi.Answer keyed =
        marc.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/api/catalog/branches/"
                            + branch
                            + "/marc-imports"))
                .header("Content-Type", "application/marc")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)));
    assertThat(keyed.status()).isEqualTo(413);
    assertThat(keyed.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aJobLeftRunningByADeadInstanceIsResumedOrFailedNeverLeftRunning() throws Exception {
    String branch = branch("ak-talaa");
    String instance = owner.token().substring(0, owner.token().lastIndexOf('#'));
    byte[] pymarc = MarcTestFiles.bytes(MarcTestFiles.PYMARC_MARC8);
    Instant now = Instant.now();

    MarcJobId resumable = MarcJobId.newId(now);
    uploads.store(resumable, pymarc, pymarc.length, java.io.InputStream.nullInputStream());
    jobs.create(
        job(resumable, branch, pymarc.length, now),
        instance + "#earlier-boot",
        now.plusSeconds(600));
    jobs.start(resumable, instance + "#earlier-boot", now);
    jobs.recordChunk(
        resumable,
        instance + "#earlier-boot",
        new MarcJobStore.ChunkProgress(
            new ImportCounters(5, 5, 5, 0, 0, 0, 0, 0),
            java.util.Map.of("MARC_8", 5L),
            MarcJob.Profile.ZERO,
            5000,
            5),
        List.of(),
        now);
    MarcJobId lost = MarcJobId.newId(now);
    jobs.create(job(lost, branch, 1234, now), "other-host#boot", now.minusSeconds(5));

    assertThat(supervisor.recover()).isEqualTo(2);

    JsonNode resumed = finished("/api/catalog/branches/" + branch + "/marc-imports/" + resumable);
    assertRecords(resumed, 20, 20, 0, 0);
    // Only records 6 to 20 were applied after the takeover; 1 to 5 count from before the crash.
    assertThat(holdings(branch)).hasSize(15);
    JsonNode failed = marc.get("/api/catalog/branches/" + branch + "/marc-imports/" + lost).body();
    assertThat(failed.get("state").asString()).isEqualTo("FAILED");
    assertThat(failed.get("failure").asString()).contains("upload the file again");
  }

  static MarcJob job(MarcJobId id, String branch, long bytes, Instant now) {
    return new MarcJob(
        id,
        new BranchId(branch),
        new ImportOptions(SourceFormat.ISO_2709, SourceEncoding.AUTO, null, null),
        JobState.QUEUED,
        bytes,
        0,
        0,
        null,
        null,
        now,
        null,
        now,
        null,
        null,
        null);
  }

  @Test
  void refusesWhatCannotBeAMarcFileBeforeCreatingAJob() {
    String branch = branch("chaek");

    MarcApi.Answer empty = marc.upload(branch, new byte[0]);
    MarcApi.Answer pdf = marc.upload(branch, "%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII));
    MarcApi.Answer csv =
        marc.upload(branch, "Title;Author\nЖамийла;Айтматов\n".getBytes(StandardCharsets.UTF_8));
    MarcApi.Answer wrongFormat =
        marc.upload(
            branch,
            MarcTestFiles.bytes(MarcTestFiles.PYMARC_MARC8),
            "application/marc",
            "format=marcxml");
    MarcApi.Answer badParams =
        marc.upload(
            branch,
            MarcTestFiles.bytes(MarcTestFiles.PYMARC_MARC8),
            "application/marc",
            "encoding=koi8&copies=-1");
    MarcApi.Answer form =
        marc.upload(
            branch,
            "a=b".getBytes(StandardCharsets.US_ASCII),
            "application/x-www-form-urlencoded",
            null);
    MarcApi.Answer noBranch =
        marc.upload("no-such-branch", MarcTestFiles.bytes(MarcTestFiles.PYMARC_MARC8));
    MarcApi.Answer noJob =
        marc.get("/api/catalog/branches/" + branch + "/marc-imports/01ARZ3NDEKTSV4RRFFQ69G5FAV");

    for (MarcApi.Answer a : List.of(empty, pdf, csv, wrongFormat, badParams)) {
      assertThat(a.status()).as(a.raw()).isEqualTo(400);
      assertThat(a.contentType()).startsWith("application/problem+json");
    }
    assertThat(empty.body().at("/errors/0/reason").asString()).startsWith("the file is empty");
    assertThat(pdf.body().at("/errors/0/reason").asString())
        .isEqualTo("not a MARC file: a PDF document, not a MARC file");
    assertThat(csv.body().at("/errors/0/field").asString()).isEqualTo("body");
    assertThat(wrongFormat.body().at("/errors/0/reason").asString())
        .contains("starts like ISO_2709");
    assertThat(badParams.body().get("errors"))
        .extracting(e -> e.get("field").asString())
        .containsExactlyInAnyOrder("encoding", "copies");
    assertThat(form.status()).isEqualTo(415);
    assertThat(form.contentType()).startsWith("application/problem+json");
    assertThat(noBranch.status()).isEqualTo(404);
    assertThat(noJob.status()).isEqualTo(404);
  }
}
