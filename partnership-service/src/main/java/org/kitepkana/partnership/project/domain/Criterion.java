package org.kitepkana.partnership.project.domain;

import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;

/**
 * One criterion of social effectiveness as an evaluator judged it: a score from {@value #MIN} to
 * {@value #MAX} and the reasoning behind it.
 */
public record Criterion(int score, String reasoning) {

  public static final int MIN = 1;
  public static final int MAX = 5;

  public Criterion {
    if (score < MIN || score > MAX) {
      throw new InvalidValue("score", "must be from " + MIN + " to " + MAX);
    }
    reasoning = Text.required("reasoning", reasoning, 4000);
  }
}
