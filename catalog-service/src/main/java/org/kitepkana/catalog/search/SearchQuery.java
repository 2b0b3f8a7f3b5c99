package org.kitepkana.catalog.search;

/**
 * A search of the union catalogue. Every field is optional; text fields match all their words.
 *
 * @param text free text over title, authors and subjects
 */
record SearchQuery(
    String text,
    String title,
    String author,
    String subject,
    String isbn,
    String branch,
    String kind,
    String language,
    Integer yearFrom,
    Integer yearTo,
    int page,
    int size) {}
