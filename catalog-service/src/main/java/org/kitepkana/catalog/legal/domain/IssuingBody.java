package org.kitepkana.catalog.legal.domain;

import java.util.Objects;
import org.kitepkana.catalog.record.domain.TextFolding;

/**
 * The body that adopted an act: its type, its name ("Кара-Суу айыл өкмөтү", "Нарын шаардык кеңеши")
 * and the territory it governs (an ayil aimak, a city, a district), which may be empty when the
 * name says it.
 */
public record IssuingBody(BodyType type, String name, String territory) {

  public static final int MAX_LENGTH = 200;

  public IssuingBody {
    Objects.requireNonNull(type, "type");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    name = name.strip();
    territory = territory == null || territory.isBlank() ? null : territory.strip();
    if (name.length() > MAX_LENGTH || (territory != null && territory.length() > MAX_LENGTH)) {
      throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
    }
  }

  /**
   * Identifies the body across spellings: type, folded name and folded territory, so "Кара-Суу айыл
   * өкмөтү" and "Kara-Suu aiyl okmotu" are one body.
   */
  public String key() {
    return type.name()
        + ":"
        + TextFolding.fold(name).replace(' ', '-')
        + ":"
        + (territory == null ? "" : TextFolding.fold(territory).replace(' ', '-'));
  }
}
