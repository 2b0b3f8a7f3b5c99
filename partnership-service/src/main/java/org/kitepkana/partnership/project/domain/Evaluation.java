package org.kitepkana.partnership.project.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;

/**
 * The evaluation of a completed project by the three criteria of social effectiveness: social
 * necessity (did the community need it), social usefulness (what it changed), social attractiveness
 * (did people come and value it); plus the evaluator's account of the outcomes and the outcome
 * counts at the time.
 */
public record Evaluation(
    Criterion necessity,
    Criterion usefulness,
    Criterion attractiveness,
    String evaluator,
    LocalDate evaluatedOn,
    String outcomes,
    OutcomeSnapshot snapshot) {

  public Evaluation {
    if (necessity == null) {
      throw new InvalidValue("necessity", "must not be null");
    }
    if (usefulness == null) {
      throw new InvalidValue("usefulness", "must not be null");
    }
    if (attractiveness == null) {
      throw new InvalidValue("attractiveness", "must not be null");
    }
    evaluator = Text.required("evaluator", evaluator, 200);
    if (evaluatedOn == null) {
      throw new InvalidValue("evaluatedOn", "must not be null");
    }
    outcomes = Text.optional("outcomes", outcomes, 4000);
    Objects.requireNonNull(snapshot, "snapshot");
  }

  /** The mean of the three scores, to two decimals. */
  public BigDecimal average() {
    return BigDecimal.valueOf(necessity.score() + usefulness.score() + attractiveness.score())
        .divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
  }
}
