/**
 * Projects the libraries run with their partners: plan (period, libraries, outside participants,
 * partners with roles, content areas, scale, budget, contributions), lifecycle from proposal to
 * evaluation, and the evaluation by the three criteria of social effectiveness.
 */
package org.kitepkana.partnership.project.domain;
