/**
 * Library events: the aggregate {@link org.kitepkana.events.event.domain.LibraryEvent}, its value
 * objects and its changes ({@link org.kitepkana.events.event.domain.EventChange}). "Event" in this
 * package means a library event (a lecture, an exhibition); what happened to one is a change.
 */
package org.kitepkana.events.event.domain;
