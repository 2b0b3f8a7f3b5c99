package org.kitepkana.catalog.legal.application;

import java.util.List;
import org.kitepkana.catalog.legal.domain.SearchableLegalAct;

/** One page of search results, newest adoption first, and how many matched in all. */
public record LegalActPage(int total, int page, int size, List<SearchableLegalAct> items) {

  public LegalActPage {
    items = List.copyOf(items);
  }
}
