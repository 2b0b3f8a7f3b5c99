/**
 * Library events in MongoDB, and the room calendars that keep two events out of one room.
 *
 * <h2>Why a room calendar document, not a query</h2>
 *
 * <p>"Is this room free from 14:00 to 16:00?" followed by an insert is a check-then-insert race:
 * two branches' librarians (or one double click) can both see the room free and both book it.
 * MongoDB offers no multi-document transaction on the embedded store, and a unique index cannot
 * express "no overlapping interval". So every room has one small document in {@code room_calendars}
 * ({@code _id = <branch>|<room key>}) listing its bookings, with a version. A claim reads it,
 * checks the new slot against the bookings in memory, and writes the new list only if the version
 * is still the one it read ({@code findOneAndUpdate({_id, version}, {$set bookings, $inc
 * version})}, through {@link org.kitepkana.platform.mongo.VersionedWrites}); the first calendar of
 * a room is an insert that the unique {@code _id} decides. The loser of a race re-reads and decides
 * again, so the store serializes claims per room and two overlapping bookings can never both be
 * written. Every lookup is by {@code _id}: the embedded store ignores secondary indexes.
 *
 * <p>Per-slot claim documents (one unique {@code _id} per 15 minutes) were the alternative; they
 * need a fixed time grid (an event from 14:10 would block 14:00-14:15), thousands of documents for
 * a two-week exhibition, and a compensation when a multi-slot insert fails half way. A calendar
 * document holds intervals exactly and changes in one atomic write.
 *
 * <h2>Claim first, then the event</h2>
 *
 * <p>The planner claims the slot before writing the event (with its outbox) and gives the claim
 * back if that write fails or loses a version race; a move claims the new slot before releasing the
 * old one. A crash between the two leaves a booking whose event does not hold it. Such a booking
 * blocks only for a grace period ({@link
 * org.kitepkana.events.event.application.RoomCalendar#GRACE}): after that, a claim that finds it in
 * the way asks whether the event's stored state still holds that room and slot, and drops it if
 * not. Cancelled events release their booking (and a leftover one is dropped the same way).
 */
package org.kitepkana.events.event.adapter.out.mongo;
