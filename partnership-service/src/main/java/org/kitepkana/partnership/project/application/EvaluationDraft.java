package org.kitepkana.partnership.project.application;

import java.time.LocalDate;
import org.kitepkana.partnership.project.domain.Criterion;

/**
 * An evaluation as submitted.
 *
 * @param evaluator who evaluated (name and position), as it should appear in the annual report
 * @param evaluatedOn null for today in the region's calendar
 * @param outcomes the evaluator's account of the outcomes; optional
 */
public record EvaluationDraft(
    Criterion necessity,
    Criterion usefulness,
    Criterion attractiveness,
    String evaluator,
    LocalDate evaluatedOn,
    String outcomes) {}
