/**
 * Union-catalogue record matching: deciding whether an item a branch library sends belongs to a
 * bibliographic record the network already has.
 *
 * <p>The Naryn oblast library and its branches each catalogue their own copies, in Kyrgyz, Russian
 * or a Latin romanisation, often by hand and often without an ISBN. The union catalogue should hold
 * one record per edition with every branch's copies attached to it, so an incoming item is matched
 * in this order:
 *
 * <ol>
 *   <li>by {@link org.kitepkana.catalog.record.domain.Isbn}, normalised to ISBN-13, when the item
 *       has a valid one;
 *   <li>otherwise by {@link org.kitepkana.catalog.record.domain.MatchKey}: folded title, first
 *       author's surname and year, with {@link org.kitepkana.catalog.record.domain.TextFolding}
 *       making spelling and script differences disappear;
 *   <li>otherwise a new record is created.
 * </ol>
 *
 * <p>This package is pure domain logic: it depends on no framework, persistence or messaging type,
 * only on the JDK and Apache Commons Validator.
 */
package org.kitepkana.catalog.record.domain;
