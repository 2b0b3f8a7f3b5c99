/**
 * Curation of the union catalogue by the regional coordinator: editing a shared record, moving a
 * holding to another record, merging duplicate records. The record-level rules live on the {@link
 * org.kitepkana.catalog.record.domain.CatalogRecord} aggregate; this package holds what spans
 * records: the operations in flight.
 */
package org.kitepkana.catalog.curation.domain;
