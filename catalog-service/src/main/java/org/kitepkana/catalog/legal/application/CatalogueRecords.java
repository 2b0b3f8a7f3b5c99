package org.kitepkana.catalog.legal.application;

import org.kitepkana.catalog.record.domain.RecordId;

/** The union catalogue, as far as the databank needs it: does a record exist. */
@FunctionalInterface
public interface CatalogueRecords {

  boolean exists(RecordId record);
}
