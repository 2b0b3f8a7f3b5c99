package org.kitepkana.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Lucene index of one service instance. Single writer: only the feed thread applies changes;
 * searches run concurrently on near-real-time searchers.
 */
final class SearchIndex implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

  static final String ID = "id";
  static final String STATE = "state";

  /**
   * The commit-data key of the index's schema version. Raise {@link #SCHEMA_VERSION} whenever a
   * field is indexed differently: Lucene refuses to mix, say, a field with norms and without in one
   * index, so an index of another version (or of none, from before versions were kept) is dropped
   * when the service opens it and rebuilt by replaying the topic from the start.
   */
  static final String SCHEMA = "schema";

  /** 2: author and subject fields without norms. */
  static final String SCHEMA_VERSION = "2";

  /** The commit-data key prefix of the next offset to read, per partition. */
  static final String OFFSET_PREFIX = "offset.";

  /**
   * Author and subject text without length norms. Many records have no 650 and some no author, so
   * these fields are sparse, and Lucene's postings writer reads a sparse norms block from its start
   * for every term it writes: that took over a third of the feed's CPU during a large import. An
   * author or a subject heading is short, so its length says little about relevance.
   */
  private static final FieldType NAME_TEXT = unnormed(TextField.TYPE_NOT_STORED);

  private static FieldType unnormed(FieldType base) {
    FieldType type = new FieldType(base);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FacetsConfig facets = new FacetsConfig();
  private final JsonMapper json;
  private final Map<String, IndexedRecord> unrefreshed = new HashMap<>();

  /**
   * Records changed since the last {@link #flush}: a record's events of one poll (its creation and
   * its holdings) cost one document write, and one analysis of its text, not one per event.
   */
  private final Map<String, IndexedRecord> unwritten = new LinkedHashMap<>();

  private final Map<Integer, Long> applied = new LinkedHashMap<>();

  SearchIndex(Path path, JsonMapper json) {
    this.json = json;
    facets.setMultiValued("branch", true);
    try {
      directory = FSDirectory.open(path);
      writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(SearchAnalyzers.perField()).setOpenMode(openMode(directory)));
      searchers = new SearcherManager(writer, new SearcherFactory());
      Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
      if (data != null) {
        for (var e : data) {
          if (e.getKey().startsWith(OFFSET_PREFIX)) {
            applied.put(
                Integer.parseInt(e.getKey().substring(OFFSET_PREFIX.length())),
                Long.parseLong(e.getValue()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index at " + path, e);
    }
  }

  /** Appends to an index of this schema; starts afresh over one of another or of none. */
  private static IndexWriterConfig.OpenMode openMode(FSDirectory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return IndexWriterConfig.OpenMode.CREATE;
    }
    String found = SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA);
    if (SCHEMA_VERSION.equals(found)) {
      return IndexWriterConfig.OpenMode.APPEND;
    }
    log.info(
        "The search index at {} has schema {}, this service writes schema {}: it is rebuilt from"
            + " the start of the topic",
        directory.getDirectory(),
        found == null ? "1" : found,
        SCHEMA_VERSION);
    return IndexWriterConfig.OpenMode.CREATE;
  }

  /** The next offset to read per partition, as of the last commit (plus what was applied since). */
  synchronized Map<Integer, Long> nextOffsets() {
    return new LinkedHashMap<>(applied);
  }

  /**
   * Applies one event of {@code catalog.records.v1}; unknown types are skipped. The change reaches
   * the index writer with the next {@link #flush} (or refresh, or commit).
   */
  synchronized void apply(String type, String recordId, String body, int partition, long offset) {
    applied.put(partition, offset + 1);
    if (type == null || recordId == null || !type.startsWith("kitepkana.catalog.")) {
      return;
    }
    JsonNode data = json.readTree(body);
    IndexedRecord record = load(recordId);
    long version = data.path(type.contains(".holding.") ? "recordVersion" : "version").asLong(0);
    if (type.endsWith(".record.created") || type.endsWith(".record.updated")) {
      if (version < record.version) {
        return; // an older description than the one indexed
      }
      describe(record, data);
    } else if (type.endsWith(".holding.added") || type.endsWith(".holding.changed")) {
      record.holdings.put(
          data.path("branchId").asString() + "|" + data.path("itemId").asString(),
          data.path("status").asString("AVAILABLE"));
    } else if (type.endsWith(".holding.withdrawn")) {
      record.holdings.put(
          data.path("branchId").asString() + "|" + data.path("itemId").asString(), "WITHDRAWN");
    } else if (type.endsWith(".holding.moved")) {
      // Published under both records: each copy changes only the record it names.
      String holding = data.path("branchId").asString() + "|" + data.path("itemId").asString();
      if (recordId.equals(data.path("toRecordId").asString())) {
        record.holdings.put(holding, data.path("status").asString("AVAILABLE"));
      } else {
        record.holdings.remove(holding);
      }
    } else if (type.endsWith(".record.merged")) {
      if (version < record.version) {
        return;
      }
      record.mergedInto = data.path("survivorId").asString();
      record.holdings.clear();
    } else {
      return;
    }
    record.version = Math.max(record.version, version);
    unrefreshed.put(recordId, record);
    unwritten.put(recordId, record);
  }

  /** Writes the records changed by the events applied since the last flush to the index. */
  synchronized void flush() {
    try {
      for (IndexedRecord record : unwritten.values()) {
        writer.updateDocument(new Term(ID, record.id), facets.build(toDocument(record)));
      }
      unwritten.clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes applied changes searchable. */
  synchronized void refresh() {
    flush();
    try {
      searchers.maybeRefreshBlocking();
      unrefreshed.clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes applied changes durable together with the offsets they came from. */
  synchronized void commit() {
    flush();
    Map<String, String> data = new LinkedHashMap<>();
    data.put(SCHEMA, SCHEMA_VERSION);
    applied.forEach((p, o) -> data.put(OFFSET_PREFIX + p, String.valueOf(o)));
    writer.setLiveCommitData(data.entrySet());
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets everything, offsets included: the next feed run replays the topic from the start. */
  synchronized void clear() {
    try {
      writer.deleteAll();
      applied.clear();
      unrefreshed.clear();
      unwritten.clear();
      commit();
      refresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  <T> T withSearcher(SearcherFunction<T> function) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return function.apply(searcher, facets);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Work on a searcher. */
  interface SearcherFunction<T> {
    T apply(IndexSearcher searcher, FacetsConfig facets) throws IOException;
  }

  /** The indexed state of each record, by id, as of the last refresh: to compare indexes. */
  Map<String, String> states() {
    return withSearcher(
        (searcher, f) -> {
          Map<String, String> states = new java.util.TreeMap<>();
          var reader = searcher.getIndexReader();
          var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
          var stored = searcher.storedFields();
          for (int doc = 0; doc < reader.maxDoc(); doc++) {
            if (live == null || live.get(doc)) {
              Document d = stored.document(doc);
              states.put(d.get(ID), d.get(STATE));
            }
          }
          return states;
        });
  }

  long documents() {
    return writer.getDocStats().numDocs;
  }

  private IndexedRecord load(String recordId) {
    IndexedRecord pending = unrefreshed.get(recordId);
    if (pending != null) {
      return pending;
    }
    return withSearcher(
        (searcher, f) -> {
          TopDocs found = searcher.search(new TermQuery(new Term(ID, recordId)), 1);
          if (found.scoreDocs.length == 0) {
            return new IndexedRecord(recordId);
          }
          return fromState(
              searcher.storedFields().document(found.scoreDocs[0].doc).get(STATE), recordId);
        });
  }

  private static void describe(IndexedRecord r, JsonNode d) {
    r.kind = text(d, "kind");
    r.title = text(d, "title");
    r.authors = strings(d.path("authors"));
    r.subjects = strings(d.path("subjects"));
    r.isbn13 = text(d, "isbn13");
    r.year = d.hasNonNull("year") ? d.get("year").asInt() : null;
    r.language = text(d, "language");
    r.publisher = text(d, "publisher");
  }

  private Document toDocument(IndexedRecord r) {
    Document doc = new Document();
    doc.add(new StringField(ID, r.id, Field.Store.YES));
    doc.add(new StoredField(STATE, toState(r)));
    if (!r.described()) {
      return doc; // holding events ahead of the record's description: kept, not searchable
    }
    String all =
        String.join(" ", r.title, String.join(" ", r.authors), String.join(" ", r.subjects));
    for (String suffix : new String[] {SearchAnalyzers.FOLDED, SearchAnalyzers.RUSSIAN}) {
      doc.add(new TextField("title" + suffix, r.title, Field.Store.NO));
      doc.add(new TextField("all" + suffix, all, Field.Store.NO));
      for (String a : r.authors) {
        doc.add(new Field("author" + suffix, a, NAME_TEXT));
      }
      for (String s : r.subjects) {
        doc.add(new Field("subject" + suffix, s, NAME_TEXT));
      }
    }
    doc.add(new StringField("described", "yes", Field.Store.NO));
    if (r.isbn13 != null) {
      doc.add(new StringField("isbn13", r.isbn13, Field.Store.NO));
    }
    if (r.year != null) {
      doc.add(new IntPoint("year", r.year));
    }
    if (r.kind != null) {
      doc.add(new StringField("kind", r.kind, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField("kind", r.kind));
    }
    if (r.language != null) {
      doc.add(new StringField("language", r.language, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField("language", r.language));
    }
    for (String branch : r.holdingBranches()) {
      doc.add(new StringField("branch", branch, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField("branch", branch));
    }
    return doc;
  }

  String toState(IndexedRecord r) {
    ObjectNode o = json.createObjectNode();
    o.put("version", r.version);
    o.put("kind", r.kind);
    o.put("title", r.title);
    o.set("authors", json.valueToTree(r.authors));
    o.set("subjects", json.valueToTree(r.subjects));
    o.put("isbn13", r.isbn13);
    if (r.year != null) {
      o.put("year", r.year);
    }
    o.put("language", r.language);
    o.put("publisher", r.publisher);
    o.set("holdings", json.valueToTree(r.holdings));
    if (r.mergedInto != null) {
      o.put("mergedInto", r.mergedInto);
    }
    return json.writeValueAsString(o);
  }

  IndexedRecord fromState(String state, String id) {
    JsonNode o = json.readTree(state);
    IndexedRecord r = new IndexedRecord(id);
    r.version = o.path("version").asLong(0);
    describe(r, o);
    r.mergedInto = text(o, "mergedInto");
    o.path("holdings")
        .properties()
        .forEach(e -> r.holdings.put(e.getKey(), e.getValue().asString()));
    return r;
  }

  private static String text(JsonNode d, String field) {
    JsonNode v = d.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(n -> out.add(n.asString()));
    }
    return out;
  }

  @Override
  public synchronized void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
