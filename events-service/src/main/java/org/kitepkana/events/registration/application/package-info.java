/**
 * Registering, cancelling with promotion from the waitlist, attendee lists, attendance and erasure
 * of personal data. Ports: {@link org.kitepkana.events.registration.application.SeatLedger}
 * (capacity under concurrency) and {@link
 * org.kitepkana.events.registration.application.RegistrationRepository}.
 */
package org.kitepkana.events.registration.application;
