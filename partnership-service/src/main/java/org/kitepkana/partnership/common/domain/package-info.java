/**
 * Building blocks shared by the partnership domains: ids, refusals of invalid values, text rules.
 */
package org.kitepkana.partnership.common.domain;
