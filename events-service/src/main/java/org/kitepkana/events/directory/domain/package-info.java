/**
 * What events-service knows of other services' aggregates: branches (catalog-service), partners and
 * projects (partnership-service). Local read models, never a call to another service.
 */
package org.kitepkana.events.directory.domain;
