package org.kitepkana.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay ({@code kitepkana.outbox.*}).
 *
 * @param collections the collections whose documents carry an outbox
 * @param batchSize how many documents one relay round claims
 * @param sweepInterval how often the relay looks for pending events it was not woken for (after a
 *     crash, or written by another instance), while it finds some or publishing fails
 * @param maxSweepInterval the longest pause between sweeps that find nothing: the sweep backs off
 *     by doubling, because it is a full scan on the embedded store
 * @param lease how long a claim on a document lasts; longer than the producer's delivery timeout
 * @param retryBackoff the pause after a failed publish before the next try
 */
@ConfigurationProperties("kitepkana.outbox")
public record OutboxProperties(
    @DefaultValue List<String> collections,
    @DefaultValue("500") int batchSize,
    @DefaultValue("5s") Duration sweepInterval,
    @DefaultValue("60s") Duration maxSweepInterval,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("1s") Duration retryBackoff) {}
