package org.kitepkana.catalog.sync.domain;

import java.util.List;
import org.kitepkana.platform.web.FieldError;

/**
 * What became of one item of a batch.
 *
 * @param status APPLIED, UNCHANGED or REJECTED
 * @param change for APPLIED: HOLDING_ADDED, HOLDING_CHANGED or HOLDING_WITHDRAWN
 * @param recordId the union-catalogue record the item is attached to
 * @param errors for REJECTED: every reason, naming the field
 */
public record ItemResult(
    int index,
    String itemId,
    String status,
    String change,
    String recordId,
    List<FieldError> errors) {

  public static ItemResult rejected(int index, String itemId, List<FieldError> errors) {
    return new ItemResult(index, itemId, "REJECTED", null, null, List.copyOf(errors));
  }

  public static ItemResult applied(int index, String itemId, String change, String recordId) {
    return new ItemResult(index, itemId, "APPLIED", change, recordId, List.of());
  }

  public static ItemResult unchanged(int index, String itemId, String recordId) {
    return new ItemResult(index, itemId, "UNCHANGED", null, recordId, List.of());
  }
}
