/**
 * The branch directory's domain: the regional library and its city, district, village and
 * children's branches.
 */
package org.kitepkana.catalog.branch.domain;
