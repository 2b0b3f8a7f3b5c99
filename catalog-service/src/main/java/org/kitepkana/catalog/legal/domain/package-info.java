/**
 * The legal-acts databank's domain: normative legal acts of local self-government (keneshes, ayil
 * okmotus, city halls, district administrations) that a branch library keeps, with the history of
 * their status (in force, amended, repealed) and the one query that searches them.
 */
package org.kitepkana.catalog.legal.domain;
