package org.kitepkana.partnership.common.application;

/** One reason a command was refused, naming the field at fault in the request's JSON path style. */
public record Violation(String field, String reason) {}
