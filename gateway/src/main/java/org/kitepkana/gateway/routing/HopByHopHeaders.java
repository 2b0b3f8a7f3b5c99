package org.kitepkana.gateway.routing;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which headers of a message go on to the next hop, in either direction: all but the hop-by-hop
 * ones, those of {@code spring.cloud.gateway.server.webflux.filter.remove-hop-by-hop.headers} and
 * those the message's {@code Connection} header names (in any case), as Spring Cloud Gateway's
 * {@code RemoveHopByHopHeadersFilter} decides.
 *
 * <p>A test, not a filter: {@link ForwardedRequestHeaders} and {@link ServiceRoutingFilter} copy
 * the headers once, skipping these, where Spring Cloud Gateway copied them all and then made a
 * second copy without them (the largest single allocation the gateway added to an answer,
 * bin/bench-gateway-ab).
 */
final class HopByHopHeaders {

  private final Set<String> hopByHop;
  private final Predicate<String> notHopByHop;

  HopByHopHeaders(Set<String> hopByHop) {
    this.hopByHop = caseInsensitive(hopByHop);
    this.notHopByHop = name -> !this.hopByHop.contains(name);
  }

  /** Whether a header of a service's {@code answer}, by name, goes on to the client. */
  Predicate<String> kept(HttpHeaders answer) {
    return answer.contains(HttpHeaderNames.CONNECTION)
        ? kept(answer.getAll(HttpHeaderNames.CONNECTION))
        : notHopByHop;
  }

  /**
   * Whether a header, by name, goes on to the next hop, for a message whose {@code Connection}
   * header values are {@code connection} (each a comma-separated list of names; none is usual).
   */
  Predicate<String> kept(List<String> connection) {
    if (connection.isEmpty()) {
      return notHopByHop;
    }
    Set<String> options = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String value : connection) {
      for (String option : value.split(",")) {
        options.add(option.trim());
      }
    }
    return name -> !hopByHop.contains(name) && !options.contains(name);
  }

  /** Header names, looked up in any case without lower-casing each name of each message. */
  private static Set<String> caseInsensitive(Iterable<String> names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : names) {
      set.add(name.trim());
    }
    return Collections.unmodifiableSet(set);
  }
}
