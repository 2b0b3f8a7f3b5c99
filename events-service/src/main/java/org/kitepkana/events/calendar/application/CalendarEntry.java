package org.kitepkana.events.calendar.application;

import org.kitepkana.events.event.domain.LibraryEvent;

/** A library event in a calendar feed, with its host branch's name (null if not known). */
public record CalendarEntry(LibraryEvent event, String branchName) {}
