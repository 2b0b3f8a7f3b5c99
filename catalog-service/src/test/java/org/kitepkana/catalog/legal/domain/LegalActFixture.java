package org.kitepkana.catalog.legal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kitepkana.catalog.branch.domain.BranchId;

/** Acts for tests: a pasture resolution of the Kara-Suu kenesh, kept by the Kara-Suu library. */
public final class LegalActFixture {

  public static final Instant NOW = Instant.parse("2025-03-14T03:30:00Z");
  public static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
  public static final LocalDate ADOPTED = LocalDate.of(2024, 3, 15);
  public static final LocalDate EFFECTIVE = LocalDate.of(2024, 4, 1);

  private LegalActFixture() {}

  public static LegalActDetails pastureResolution() {
    return details("45/3", BodyType.LOCAL_KENESH, "Кара-Суу айылдык кеңеши", "kara-suu");
  }

  public static LegalActDetails details(
      String number, BodyType type, String bodyName, String branch) {
    return new LegalActDetails(
        new ActNumber(number),
        new ActTitle(
            "Жайыттарды пайдалануу тартибин бекитүү жөнүндө",
            "Об утверждении порядка использования пастбищ"),
        ActKind.RESOLUTION,
        ADOPTED,
        EFFECTIVE,
        new IssuingBody(type, bodyName, "Кара-Суу айыл аймагы"),
        new BranchId(branch),
        List.of("жайыт", "жер пайдалануу"),
        null,
        null,
        null);
  }

  public static LegalAct registered(LegalActDetails details) {
    Revision r = LegalAct.register(LegalActId.newId(NOW), details, TODAY, NOW);
    return ((Revision.Applied) r).act();
  }

  public static LegalAct applied(Revision revision) {
    if (!(revision instanceof Revision.Applied applied)) {
      throw new AssertionError("expected the change to apply, got " + revision);
    }
    return applied.act();
  }
}
