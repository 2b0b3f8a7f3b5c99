package org.kitepkana.events.statistics.application;

/**
 * Counts for one group; a dimension not grouped by is null.
 *
 * @param events library events held or planned (scheduled, rescheduled or completed)
 * @param completed of those, completed with attendance recorded
 * @param cancelled cancelled library events (not in {@code events})
 * @param registrations confirmed registrations
 * @param waitlisted registrations still on a waitlist
 * @param registeredAttended registered readers who came
 * @param walkIns visitors without a registration
 * @param attendance registeredAttended + walkIns: the visits the library reports
 */
public record StatisticsRow(
    String branchId,
    String month,
    String type,
    String audience,
    long events,
    long completed,
    long cancelled,
    long registrations,
    long waitlisted,
    long registeredAttended,
    long walkIns,
    long attendance) {}
