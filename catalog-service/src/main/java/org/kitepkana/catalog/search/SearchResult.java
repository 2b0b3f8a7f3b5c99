package org.kitepkana.catalog.search;

import java.util.List;
import java.util.Map;

/** A page of hits, the total, and facet counts over all hits. */
record SearchResult(
    long total, int page, int size, List<Hit> hits, Map<String, Map<String, Long>> facets) {

  /** One record found. */
  record Hit(
      String recordId,
      String title,
      List<String> authors,
      Integer year,
      String kind,
      String language,
      String isbn13,
      List<String> branches,
      float score) {}
}
