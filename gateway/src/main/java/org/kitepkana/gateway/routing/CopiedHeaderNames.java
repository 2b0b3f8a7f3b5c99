package org.kitepkana.gateway.routing;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The names of the headers a service's answer put into the response, as Spring Cloud Gateway's
 * {@code CLIENT_RESPONSE_HEADER_NAMES} attribute: a retry and an error answer take them off again.
 * Read from the answer's headers when asked, which on a request that succeeds is never, instead of
 * a set made for every request.
 */
final class CopiedHeaderNames extends AbstractSet<String> {

  private final HttpHeaders answer;
  private final Predicate<String> kept;

  CopiedHeaderNames(HttpHeaders answer, Predicate<String> kept) {
    this.answer = answer;
    this.kept = kept;
  }

  @Override
  public Iterator<String> iterator() {
    return names().iterator();
  }

  /** In any case, as header names are. */
  @Override
  public boolean contains(Object name) {
    return names().contains(name);
  }

  @Override
  public int size() {
    return names().size();
  }

  private Set<String> names() {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : answer.names()) {
      if (kept.test(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
