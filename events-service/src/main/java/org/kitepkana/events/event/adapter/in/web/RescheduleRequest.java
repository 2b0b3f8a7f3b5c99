package org.kitepkana.events.event.adapter.in.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.kitepkana.events.event.domain.EventDetails;

/** A new time, room or capacity; what is left out stays as it is. */
public record RescheduleRequest(
    String start,
    String end,
    @Size(min = 1, max = 100) String room,
    @Min(1) @Max(EventDetails.MAX_CAPACITY) Integer capacity) {}
