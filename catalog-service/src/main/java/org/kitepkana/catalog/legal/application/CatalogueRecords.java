package org.kitepkana.catalog.legal.application;

import java.util.Optional;
import org.kitepkana.catalog.record.domain.RecordId;

/**
 * The union catalogue, as far as the databank needs it: where the record of an act's printed copy
 * is now.
 */
@FunctionalInterface
public interface CatalogueRecords {

  /**
   * The record itself, or for a record a coordinator merged away the record it lives on now (chains
   * of merges followed); empty when the catalogue has no such record.
   */
  Optional<RecordId> current(RecordId record);
}
