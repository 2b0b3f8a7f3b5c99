/**
 * What projects produce: the library events held under them (the latest state of each, as
 * events-service publishes it) and the media publications about the libraries' work.
 */
package org.kitepkana.partnership.outcome.domain;
