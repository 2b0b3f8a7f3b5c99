package org.kitepkana.catalog.legal.domain;

/** The kinds of body whose acts the library keeps. */
public enum BodyType {
  /** Жергиликтүү кеңеш (местный кенеш): the representative body of an ayil aimak or a city. */
  LOCAL_KENESH,
  /** Айыл өкмөтү (айыл окмоту): the executive body of an ayil aimak. */
  AYIL_OKMOTU,
  /** Шаардык мэрия (мэрия): the executive body of a city. */
  CITY_HALL,
  /** Райондук мамлекеттик администрация (районная госадминистрация). */
  DISTRICT_ADMINISTRATION
}
