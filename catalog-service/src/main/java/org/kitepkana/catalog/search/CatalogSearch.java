package org.kitepkana.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import org.kitepkana.catalog.record.domain.Isbn;

/** Turns a {@link SearchQuery} into Lucene queries and hits into results. */
final class CatalogSearch {

  private static final List<String> FACETS = List.of("kind", "language", "branch");

  private final SearchIndex index;
  private final QueryBuilder folded = new QueryBuilder(SearchAnalyzers.folded());
  private final QueryBuilder russian = new QueryBuilder(SearchAnalyzers.russian());

  CatalogSearch(SearchIndex index) {
    this.index = index;
  }

  SearchResult search(SearchQuery q) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(new TermQuery(new Term("described", "yes")), Occur.FILTER);
    boolean scored = false;
    scored |= text(query, "all", q.text(), 1f);
    scored |= text(query, "title", q.title(), 1f);
    scored |= text(query, "author", q.author(), 1f);
    scored |= text(query, "subject", q.subject(), 1f);
    if (q.text() != null && !q.text().isBlank()) {
      // Relevance: the same words in the title or an author count more than anywhere.
      Query inTitle = textQuery("title", q.text());
      if (inTitle != null) {
        query.add(new BoostQuery(inTitle, 3f), Occur.SHOULD);
      }
      Query byAuthor = textQuery("author", q.text());
      if (byAuthor != null) {
        query.add(new BoostQuery(byAuthor, 2f), Occur.SHOULD);
      }
    }
    if (q.isbn() != null && !q.isbn().isBlank()) {
      String isbn = Isbn.tryParse(q.isbn()).map(Isbn::value).orElse("invalid:" + q.isbn());
      query.add(new TermQuery(new Term("isbn13", isbn)), Occur.FILTER);
    }
    filter(query, "branch", q.branch());
    filter(query, "kind", q.kind() == null ? null : q.kind().toUpperCase(java.util.Locale.ROOT));
    filter(
        query,
        "language",
        q.language() == null ? null : q.language().toLowerCase(java.util.Locale.ROOT));
    if (q.yearFrom() != null || q.yearTo() != null) {
      query.add(
          IntPoint.newRangeQuery(
              "year",
              q.yearFrom() == null ? Integer.MIN_VALUE : q.yearFrom(),
              q.yearTo() == null ? Integer.MAX_VALUE : q.yearTo()),
          Occur.FILTER);
    }
    Query built = query.build();
    boolean ranked = scored;
    int wanted = (q.page() + 1) * q.size();
    return index.withSearcher(
        (searcher, config) -> {
          FacetsCollector facetsCollector = new FacetsCollector();
          TopDocs top =
              FacetsCollector.search(searcher, built, Math.max(1, wanted), facetsCollector);
          List<SearchResult.Hit> hits = new ArrayList<>();
          ScoreDoc[] docs = top.scoreDocs;
          for (int i = q.page() * q.size(); i < docs.length; i++) {
            String state = searcher.storedFields().document(docs[i].doc).get(SearchIndex.STATE);
            String id = searcher.storedFields().document(docs[i].doc).get(SearchIndex.ID);
            IndexedRecord r = index.fromState(state, id);
            hits.add(
                new SearchResult.Hit(
                    id,
                    r.title,
                    r.authors,
                    r.year,
                    r.kind,
                    r.language,
                    r.isbn13,
                    r.holdingBranches(),
                    ranked ? docs[i].score : 0f));
          }
          Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
          if (top.totalHits.value > 0) {
            var state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), config);
            var facetCounts = new SortedSetDocValuesFacetCounts(state, facetsCollector);
            for (String dim : FACETS) {
              Map<String, Long> values = new LinkedHashMap<>();
              FacetResult result =
                  dimensionPresent(state, dim) ? facetCounts.getTopChildren(50, dim) : null;
              if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                  values.put(lv.label, lv.value.longValue());
                }
              }
              counts.put(dim, values);
            }
          }
          return new SearchResult(top.totalHits.value, q.page(), q.size(), hits, counts);
        });
  }

  private static boolean dimensionPresent(DefaultSortedSetDocValuesReaderState state, String dim) {
    return state.getOrdRange(dim) != null;
  }

  private boolean text(BooleanQuery.Builder query, String field, String text, float boost) {
    Query q = textQuery(field, text);
    if (q == null) {
      return false;
    }
    query.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.MUST);
    return true;
  }

  /** All words must match, either Russian-stemmed or folded to their Latin key. */
  private Query textQuery(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Query fold = folded.createBooleanQuery(field + SearchAnalyzers.FOLDED, text, Occur.MUST);
    Query ru = russian.createBooleanQuery(field + SearchAnalyzers.RUSSIAN, text, Occur.MUST);
    List<Query> either = new ArrayList<>();
    if (fold != null) {
      either.add(fold);
    }
    if (ru != null) {
      either.add(new BoostQuery(ru, 1.2f));
    }
    return either.isEmpty() ? null : new DisjunctionMaxQuery(either, 0.1f);
  }

  private static void filter(BooleanQuery.Builder query, String field, String value) {
    if (value != null && !value.isBlank()) {
      query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  static Analyzer analyzer() {
    return SearchAnalyzers.perField();
  }
}
