package org.kitepkana.events.event.adapter.in.web;

import jakarta.validation.constraints.Size;
import org.kitepkana.events.shared.domain.LocalizedText;

/** A text in Kyrgyz, Russian and English as a client sends it; at least one is given. */
public record TextRequest(
    @Size(max = 300) String ky, @Size(max = 300) String ru, @Size(max = 300) String en) {

  boolean isEmpty() {
    return (ky == null || ky.isBlank())
        && (ru == null || ru.isBlank())
        && (en == null || en.isBlank());
  }

  public LocalizedText toText() {
    return isEmpty() ? null : new LocalizedText(ky, ru, en);
  }

  public static TextRequest of(LocalizedText t) {
    return t == null ? null : new TextRequest(t.ky(), t.ru(), t.en());
  }
}
