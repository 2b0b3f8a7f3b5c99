package org.kitepkana.events.event.domain;

/** Who a library event is for. */
public enum Audience {
  CHILDREN,
  YOUTH,
  ADULTS,
  SENIORS,
  EVERYONE,
  PROFESSIONALS
}
