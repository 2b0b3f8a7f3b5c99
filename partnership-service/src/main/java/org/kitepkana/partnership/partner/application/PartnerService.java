package org.kitepkana.partnership.partner.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kitepkana.partnership.access.Permissions;
import org.kitepkana.partnership.common.application.Attempts;
import org.kitepkana.partnership.common.application.Ids;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.common.application.Violation;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.Agreement;
import org.kitepkana.partnership.partner.domain.AgreementId;
import org.kitepkana.partnership.partner.domain.AgreementTerms;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerChange;
import org.kitepkana.partnership.partner.domain.PartnerDetails;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.platform.security.Actor;

/** Records partners and their agreements, and shows them to whoever may see them. */
public class PartnerService {

  /** A partner together with the agreement a command touched. */
  public record Agreed(Partner partner, Agreement agreement) {}

  private final PartnerRepository partners;
  private final LibraryDirectory libraries;
  private final Ids ids;
  private final Clock clock;

  public PartnerService(
      PartnerRepository partners, LibraryDirectory libraries, Ids ids, Clock clock) {
    this.partners = partners;
    this.libraries = libraries;
    this.ids = ids;
    this.clock = clock;
  }

  public Result<Partner> register(Actor actor, PartnerDetails details) {
    if (!Permissions.mayManage(actor)) {
      return Result.forbidden("only coordinators and partnership officers record partners");
    }
    Partner partner = Partner.register(new PartnerId(ids.next()), details, clock.instant());
    if (!partners.insert(partner, List.of(new PartnerChange.PartnerRegistered(partner)))) {
      return Result.conflict("partnerId", "a partner with this id exists");
    }
    return Result.done(partner);
  }

  /**
   * Revises a partner's details. With {@code expectedVersion} the change applies only to that
   * version; without, to whatever version is current.
   */
  public Result<Partner> revise(
      Actor actor, PartnerId id, PartnerDetails details, Long expectedVersion) {
    if (!Permissions.mayManage(actor)) {
      return Result.forbidden("only coordinators and partnership officers change partners");
    }
    return Attempts.retrying(
        () -> {
          Optional<Partner> current = partners.find(id);
          if (current.isEmpty()) {
            return Optional.of(Result.notFound("partner " + id));
          }
          Partner before = current.get();
          Optional<Result<Partner>> stale =
              Attempts.staleVersion(expectedVersion, before.version(), "partner " + id);
          if (stale.isPresent()) {
            return stale;
          }
          if (before.details().equals(details)) {
            return Optional.of(Result.done(before));
          }
          Partner after = before.revise(details, clock.instant());
          if (partners.update(after, before.version(), after.changesSince(before))) {
            return Optional.of(Result.done(after));
          }
          return Attempts.lostRace(expectedVersion, "partner " + id);
        },
        "partner " + id);
  }

  public Result<Agreed> recordAgreement(
      Actor actor, PartnerId id, AgreementTerms terms, Long expectedVersion) {
    if (!Permissions.mayManage(actor)) {
      return Result.forbidden("only coordinators and partnership officers record agreements");
    }
    List<Violation> unknown = unknownLibraries(terms);
    if (!unknown.isEmpty()) {
      return Result.invalid(unknown);
    }
    Agreement agreement = new Agreement(new AgreementId(ids.next()), terms);
    return Attempts.retrying(
        () -> {
          Optional<Partner> current = partners.find(id);
          if (current.isEmpty()) {
            return Optional.of(Result.notFound("partner " + id));
          }
          Partner before = current.get();
          Optional<Result<Agreed>> stale =
              Attempts.staleVersion(expectedVersion, before.version(), "partner " + id);
          if (stale.isPresent()) {
            return stale;
          }
          if (before.agreements().size() >= Partner.MAX_AGREEMENTS) {
            return Optional.of(
                Result.conflict("agreements", "a partner holds at most " + Partner.MAX_AGREEMENTS));
          }
          Partner after = before.withAgreement(agreement, clock.instant());
          if (partners.update(
              after,
              before.version(),
              List.of(new PartnerChange.AgreementRecorded(after, agreement)))) {
            return Optional.of(Result.done(new Agreed(after, agreement)));
          }
          return Attempts.lostRace(expectedVersion, "partner " + id);
        },
        "partner " + id);
  }

  public Result<Agreed> reviseAgreement(
      Actor actor,
      PartnerId id,
      AgreementId agreementId,
      AgreementTerms terms,
      Long expectedVersion) {
    if (!Permissions.mayManage(actor)) {
      return Result.forbidden("only coordinators and partnership officers change agreements");
    }
    List<Violation> unknown = unknownLibraries(terms);
    if (!unknown.isEmpty()) {
      return Result.invalid(unknown);
    }
    Agreement agreement = new Agreement(agreementId, terms);
    return Attempts.retrying(
        () -> {
          Optional<Partner> current = partners.find(id);
          if (current.isEmpty()) {
            return Optional.of(Result.notFound("partner " + id));
          }
          Partner before = current.get();
          Optional<Agreement> existing = before.agreement(agreementId);
          if (existing.isEmpty()) {
            return Optional.of(Result.notFound("agreement " + agreementId + " of partner " + id));
          }
          Optional<Result<Agreed>> stale =
              Attempts.staleVersion(expectedVersion, before.version(), "partner " + id);
          if (stale.isPresent()) {
            return stale;
          }
          if (existing.get().equals(agreement)) {
            return Optional.of(Result.done(new Agreed(before, agreement)));
          }
          Partner after = before.withRevisedAgreement(agreement, clock.instant());
          if (partners.update(
              after,
              before.version(),
              List.of(new PartnerChange.AgreementRevised(after, agreement)))) {
            return Optional.of(Result.done(new Agreed(after, agreement)));
          }
          return Attempts.lostRace(expectedVersion, "partner " + id);
        },
        "partner " + id);
  }

  public Result<PartnerView> find(Actor actor, PartnerId id) {
    return partners
        .find(id)
        .map(p -> Result.done(view(actor, p)))
        .orElseGet(() -> Result.notFound("partner " + id));
  }

  public List<PartnerView> list(Actor actor, PartnerFilter filter) {
    List<PartnerView> views = new ArrayList<>();
    partners.all().stream()
        .filter(filter::matches)
        .sorted(Comparator.comparing(Partner::name).thenComparing(p -> p.id().value()))
        .forEach(p -> views.add(view(actor, p)));
    return views;
  }

  private static PartnerView view(Actor actor, Partner partner) {
    return Permissions.mayReadDetails(actor)
        ? new PartnerView.Detailed(partner)
        : new PartnerView.Published(partner);
  }

  private List<Violation> unknownLibraries(AgreementTerms terms) {
    Set<LibraryId> known = libraries.findAll(terms.libraryIds()).keySet();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < terms.libraryIds().size(); i++) {
      LibraryId library = terms.libraryIds().get(i);
      if (!known.contains(library)) {
        violations.add(
            new Violation(
                "libraryIds[" + i + "]", "no library " + library + " in the branch directory"));
      }
    }
    return violations;
  }
}
