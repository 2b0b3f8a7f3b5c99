package org.kitepkana.events.statistics.application;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.kitepkana.events.shared.domain.BranchId;

/**
 * Which library events to count (those starting on {@code from} to {@code to}, inclusive, in
 * Bishkek) and how to group them; {@code branch} may be null (the whole network).
 */
public record StatisticsQuery(
    LocalDate from, LocalDate to, BranchId branch, Set<Dimension> dimensions) {

  /** What a row is grouped by. */
  public enum Dimension {
    BRANCH,
    MONTH,
    TYPE,
    AUDIENCE
  }

  public StatisticsQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from");
    }
    dimensions =
        dimensions == null || dimensions.isEmpty()
            ? EnumSet.allOf(Dimension.class)
            : EnumSet.copyOf(dimensions);
  }

  public StatisticsQuery forBranch(BranchId only) {
    return new StatisticsQuery(from, to, only, dimensions);
  }
}
