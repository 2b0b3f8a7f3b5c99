package org.kitepkana.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index takes a poll's events and writes each record they touched once, at the flush: until
 * then nothing is searchable; a refresh or a commit flushes first, so a commit stores the offsets
 * together with every change they cover.
 */
class SearchIndexFlushTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CREATED =
      "{\"recordId\": \"r1\", \"version\": 1, \"kind\": \"BOOK\", \"title\": \"Жамиля\","
          + " \"authors\": [\"Айтматов, Чыңгыз\"], \"subjects\": [], \"year\": 1958,"
          + " \"language\": \"ky\"}";

  @TempDir Path dir;

  @Test
  void aRecordAndItsHoldingsFromOnePollAreWrittenOnceAtTheFlush() {
    try (SearchIndex index = new SearchIndex(dir, JSON)) {
      index.apply("kitepkana.catalog.record.created", "r1", CREATED, 0, 10);
      index.apply("kitepkana.catalog.holding.added", "r1", holding("inv-1", "AVAILABLE"), 0, 11);
      index.apply("kitepkana.catalog.holding.added", "r1", holding("inv-2", "AVAILABLE"), 0, 12);
      index.apply("kitepkana.catalog.holding.withdrawn", "r1", holding("inv-1", null), 0, 13);
      assertThat(index.documents()).isZero();

      index.flush();
      index.refresh();

      assertThat(index.documents()).isEqualTo(1);
      String state = index.states().get("r1");
      assertThat(state).contains("Жамиля", "\"kochkor|inv-1\":\"WITHDRAWN\"");
      assertThat(state).contains("\"kochkor|inv-2\":\"AVAILABLE\"");
    }
  }

  @Test
  void aCommitStoresTheUnflushedChangesWithTheOffsetsThatCoverThem() {
    try (SearchIndex index = new SearchIndex(dir, JSON)) {
      index.apply("kitepkana.catalog.record.created", "r1", CREATED, 2, 40);
      index.apply("kitepkana.catalog.holding.added", "r1", holding("inv-1", "AVAILABLE"), 2, 41);
      index.commit();
    }
    try (SearchIndex reopened = new SearchIndex(dir, JSON)) {
      assertThat(reopened.nextOffsets()).isEqualTo(Map.of(2, 42L));
      assertThat(reopened.states().get("r1")).contains("\"kochkor|inv-1\":\"AVAILABLE\"");
    }
  }

  @Test
  void anIndexOfAnEarlierSchemaIsDroppedAndRebuiltFromTheStartOfTheTopic() throws Exception {
    // Schema 1: no schema version in the commit data, authors indexed with norms.
    try (var directory = FSDirectory.open(dir);
        var writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField(SearchIndex.ID, "r0", Field.Store.YES));
      doc.add(new TextField("author" + SearchAnalyzers.FOLDED, "Aitmatov", Field.Store.NO));
      writer.addDocument(doc);
      writer.setLiveCommitData(Map.of(SearchIndex.OFFSET_PREFIX + "0", "7").entrySet());
      writer.commit();
    }

    try (SearchIndex index = new SearchIndex(dir, JSON)) {
      assertThat(index.nextOffsets()).isEmpty();
      assertThat(index.documents()).isZero();
      index.apply("kitepkana.catalog.record.created", "r1", CREATED, 0, 0);
      index.commit();
    }
    try (SearchIndex reopened = new SearchIndex(dir, JSON)) {
      assertThat(reopened.nextOffsets()).isEqualTo(Map.of(0, 1L));
      assertThat(reopened.states()).containsOnlyKeys("r1");
    }
  }

  private static String holding(String item, String status) {
    return "{\"recordId\": \"r1\", \"recordVersion\": 2, \"branchId\": \"kochkor\", \"itemId\": \""
        + item
        + "\""
        + (status == null ? "" : ", \"status\": \"" + status + "\"")
        + "}";
  }
}
