package org.kitepkana.gateway.routing;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which headers of a service's answer go on to the client: all but the hop-by-hop ones, those of
 * {@code spring.cloud.gateway.server.webflux.filter.remove-hop-by-hop.headers} and those the
 * answer's {@code Connection} header names (in any case), as Spring Cloud Gateway's {@code
 * RemoveHopByHopHeadersFilter} decides.
 *
 * <p>A test, not a filter: {@link ServiceRoutingFilter} copies the answer's headers into the
 * response once, skipping these, where Spring Cloud Gateway copied them all and then made a second
 * copy without them (the largest single allocation the gateway added to an answer,
 * bin/bench-gateway-ab).
 */
final class HopByHopResponseHeaders {

  private final Set<String> hopByHop;
  private final Predicate<String> notHopByHop;

  HopByHopResponseHeaders(Set<String> hopByHop) {
    this.hopByHop = caseInsensitive(hopByHop);
    this.notHopByHop = name -> !this.hopByHop.contains(name);
  }

  /** Whether a header of {@code answer}, by name, goes on to the client. */
  Predicate<String> kept(HttpHeaders answer) {
    if (!answer.contains(HttpHeaderNames.CONNECTION)) {
      return notHopByHop;
    }
    Set<String> options = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String value : answer.getAll(HttpHeaderNames.CONNECTION)) {
      for (String option : value.split(",")) {
        options.add(option.trim());
      }
    }
    return name -> !hopByHop.contains(name) && !options.contains(name);
  }

  /** Header names, looked up in any case without lower-casing each name of each answer. */
  static Set<String> caseInsensitive(Iterable<String> names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : names) {
      set.add(name.trim());
    }
    return Collections.unmodifiableSet(set);
  }
}
