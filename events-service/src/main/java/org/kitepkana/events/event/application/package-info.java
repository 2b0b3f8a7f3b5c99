/**
 * Planning library events: who may, which references are valid, which room is free. Ports for
 * storage ({@link org.kitepkana.events.event.application.EventRepository}) and room claims ({@link
 * org.kitepkana.events.event.application.RoomCalendar}).
 */
package org.kitepkana.events.event.application;
