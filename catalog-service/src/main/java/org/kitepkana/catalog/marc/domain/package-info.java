/**
 * MARC imports as the union catalogue sees them: a job that takes a branch's exported catalogue
 * file (ISO 2709 or MARCXML) record by record, its options, its counters and the issues it reports
 * for single records. Pure domain: no framework, persistence or file-format library types.
 */
package org.kitepkana.catalog.marc.domain;
