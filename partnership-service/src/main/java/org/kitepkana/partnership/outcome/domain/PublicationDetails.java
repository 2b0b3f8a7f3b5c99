package org.kitepkana.partnership.outcome.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import org.kitepkana.partnership.common.domain.InvalidValue;
import org.kitepkana.partnership.common.domain.Text;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.domain.ProjectId;

/**
 * A media publication about the libraries' work: where it appeared (a media partner, or an outlet
 * named in free text), when, its title and link, whether library staff wrote it, and the project it
 * is about (if any).
 *
 * @param outletPartnerId the media partner that published it; or null with {@code outletName}
 * @param outletName the outlet in free text when it is not a partner
 * @param link an http(s) address; optional (print publications have none)
 */
public record PublicationDetails(
    PartnerId outletPartnerId,
    String outletName,
    LocalDate publishedOn,
    String title,
    URI link,
    boolean writtenByStaff,
    ProjectId projectId) {

  public PublicationDetails {
    outletName = Text.optional("outletName", outletName, 300);
    if ((outletPartnerId == null) == (outletName == null)) {
      throw new InvalidValue(
          "outletPartnerId", "name the outlet either as a media partner or in outletName");
    }
    if (publishedOn == null) {
      throw new InvalidValue("publishedOn", "must not be null");
    }
    title = Text.required("title", title, 500);
    if (link != null
        && (!("http".equals(link.getScheme()) || "https".equals(link.getScheme()))
            || link.getRawAuthority() == null)) {
      throw new InvalidValue("link", "must be an http or https address");
    }
  }

  /** Parses a link; {@link InvalidValue} on {@code link} when it is not an address. */
  public static URI link(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return new URI(raw.strip());
    } catch (URISyntaxException e) {
      throw new InvalidValue("link", "must be an http or https address");
    }
  }
}
