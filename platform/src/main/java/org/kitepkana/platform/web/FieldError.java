package org.kitepkana.platform.web;

/** One reason a request was refused, naming the field at fault (JSON path style). */
public record FieldError(String field, String reason) {}
