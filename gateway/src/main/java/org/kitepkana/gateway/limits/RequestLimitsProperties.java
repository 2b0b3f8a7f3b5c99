package org.kitepkana.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway applies to every request before routing it.
 *
 * @param maxRequestSize largest request body accepted; a larger one gets 413 (declared by {@code
 *     Content-Length} or counted while a chunked body streams in)
 */
@ConfigurationProperties("kitepkana.gateway")
public record RequestLimitsProperties(@DefaultValue("4MB") DataSize maxRequestSize) {}
