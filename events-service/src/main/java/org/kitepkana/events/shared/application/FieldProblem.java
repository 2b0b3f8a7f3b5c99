package org.kitepkana.events.shared.application;

/** One reason a request was refused, naming the field at fault (JSON path style). */
public record FieldProblem(String field, String reason) {}
