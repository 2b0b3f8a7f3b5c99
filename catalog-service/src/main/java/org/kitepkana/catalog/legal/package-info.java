/**
 * The legal-acts databank: the normative legal acts of local self-government that the library keeps
 * and presents (local keneshes' resolutions, ayil okmotus' and city halls' resolutions and orders,
 * district administrations' acts), with their status history, published in full on the compacted
 * topic {@code catalog.legal-acts.v1} for the local-government portal and others.
 *
 * <p>Search is a scan, on purpose. A region has a few thousand acts, and the embedded store has no
 * secondary indexes and no {@code $text}, so an index would buy nothing on devstack and a second
 * copy of the data to keep in step everywhere else. Each act's folded words are computed once, when
 * it is saved, and stored with it; a search reads every act without its text (a few hundred bytes
 * each) and filters in memory with {@link org.kitepkana.catalog.legal.domain.LegalActQuery}, the
 * only place where query logic lives, so the rules ("status on date D", folded prefix words) are
 * unit-tested without a store. Should a network grow to hundreds of thousands of acts, that one
 * class is what a Lucene index (like the union catalogue's) would replace.
 */
package org.kitepkana.catalog.legal;
