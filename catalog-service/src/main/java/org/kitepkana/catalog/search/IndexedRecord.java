package org.kitepkana.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the index knows of a record, rebuilt from events: its description and, per branch item,
 * whether the branch holds it. Mutable: events are applied to it in topic order.
 */
final class IndexedRecord {

  String id;
  long version;
  String kind;
  String title;
  List<String> authors = new ArrayList<>();
  List<String> subjects = new ArrayList<>();
  String isbn13;
  Integer year;
  String language;
  String publisher;

  /** The survivor, once a coordinator merged this record away: it is no longer searchable. */
  String mergedInto;

  /** "branch|item" to status (AVAILABLE or WITHDRAWN). */
  final Map<String, String> holdings = new LinkedHashMap<>();

  IndexedRecord(String id) {
    this.id = id;
  }

  List<String> holdingBranches() {
    List<String> branches = new ArrayList<>();
    holdings.forEach(
        (key, status) -> {
          String branch = key.substring(0, key.indexOf('|'));
          if ("AVAILABLE".equals(status) && !branches.contains(branch)) {
            branches.add(branch);
          }
        });
    return branches;
  }

  boolean described() {
    return title != null && mergedInto == null;
  }
}
