package org.kitepkana.partnership.partner.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A social partner of the library network with its contacts and its agreements. The version
 * increases with every change; the profile is what the outside world sees.
 */
public record Partner(
    PartnerId id,
    PartnerDetails details,
    List<Agreement> agreements,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** At most this many agreements per partner, so a partner document stays small. */
  public static final int MAX_AGREEMENTS = 200;

  public Partner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(details, "details");
    agreements = agreements == null ? List.of() : List.copyOf(agreements);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public static Partner register(PartnerId id, PartnerDetails details, Instant now) {
    return new Partner(id, details, List.of(), 1, now, now);
  }

  public PartnerProfile profile() {
    return details.profile();
  }

  public PartnerType type() {
    return details.type();
  }

  public String name() {
    return details.name();
  }

  /** The same partner with new details, one version on. */
  public Partner revise(PartnerDetails newDetails, Instant now) {
    return new Partner(id, newDetails, agreements, version + 1, createdAt, now);
  }

  /** The same partner with one more agreement, one version on. */
  public Partner withAgreement(Agreement agreement, Instant now) {
    List<Agreement> all = new ArrayList<>(agreements);
    all.add(agreement);
    return new Partner(id, details, all, version + 1, createdAt, now);
  }

  /** The same partner with the agreement of the same id replaced, one version on. */
  public Partner withRevisedAgreement(Agreement agreement, Instant now) {
    List<Agreement> all = new ArrayList<>();
    for (Agreement a : agreements) {
      all.add(a.id().equals(agreement.id()) ? agreement : a);
    }
    return new Partner(id, details, all, version + 1, createdAt, now);
  }

  public Optional<Agreement> agreement(AgreementId agreementId) {
    return agreements.stream().filter(a -> a.id().equals(agreementId)).findFirst();
  }

  /** What changed from {@code before} to this state, in the order it should be told. */
  public List<PartnerChange> changesSince(Partner before) {
    List<PartnerChange> changes = new ArrayList<>();
    if (!before.profile().equals(profile())) {
      changes.add(new PartnerChange.ProfileRevised(this));
    }
    if (!before.details().contacts().equals(details.contacts())) {
      changes.add(new PartnerChange.ContactsRevised(this));
    }
    return changes;
  }
}
