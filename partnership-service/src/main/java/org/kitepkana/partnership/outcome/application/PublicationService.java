package org.kitepkana.partnership.outcome.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kitepkana.partnership.access.Permissions;
import org.kitepkana.partnership.common.application.Attempts;
import org.kitepkana.partnership.common.application.Ids;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.common.application.Violation;
import org.kitepkana.partnership.outcome.domain.Publication;
import org.kitepkana.partnership.outcome.domain.PublicationDetails;
import org.kitepkana.partnership.outcome.domain.PublicationId;
import org.kitepkana.partnership.partner.application.PartnerRepository;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerType;
import org.kitepkana.partnership.project.application.ProjectRepository;
import org.kitepkana.platform.security.Actor;

/** Records media publications about the libraries' work and lists them for the staff. */
public class PublicationService {

  private final PublicationRepository publications;
  private final PartnerRepository partners;
  private final ProjectRepository projects;
  private final Ids ids;
  private final Clock clock;

  public PublicationService(
      PublicationRepository publications,
      PartnerRepository partners,
      ProjectRepository projects,
      Ids ids,
      Clock clock) {
    this.publications = publications;
    this.partners = partners;
    this.projects = projects;
    this.ids = ids;
    this.clock = clock;
  }

  public Result<Publication> record(Actor actor, PublicationDetails details) {
    if (!Permissions.mayManage(actor)) {
      return Result.forbidden("only coordinators and partnership officers record publications");
    }
    List<Violation> violations = check(details);
    if (!violations.isEmpty()) {
      return Result.invalid(violations);
    }
    Publication publication =
        new Publication(new PublicationId(ids.next()), details, 1, clock.instant());
    if (!publications.insert(publication)) {
      return Result.conflict("publicationId", "a publication with this id exists");
    }
    return Result.done(publication);
  }

  public Result<Publication> revise(
      Actor actor, PublicationId id, PublicationDetails details, Long expectedVersion) {
    if (!Permissions.mayManage(actor)) {
      return Result.forbidden("only coordinators and partnership officers change publications");
    }
    List<Violation> violations = check(details);
    if (!violations.isEmpty()) {
      return Result.invalid(violations);
    }
    return Attempts.retrying(
        () -> {
          Optional<Publication> current = publications.find(id);
          if (current.isEmpty()) {
            return Optional.of(Result.notFound("publication " + id));
          }
          Publication before = current.get();
          Optional<Result<Publication>> stale =
              Attempts.staleVersion(expectedVersion, before.version(), "publication " + id);
          if (stale.isPresent()) {
            return stale;
          }
          if (before.details().equals(details)) {
            return Optional.of(Result.done(before));
          }
          Publication after =
              new Publication(id, details, before.version() + 1, before.recordedAt());
          if (publications.update(after, before.version())) {
            return Optional.of(Result.done(after));
          }
          return Attempts.lostRace(expectedVersion, "publication " + id);
        },
        "publication " + id);
  }

  public Result<Publication> find(Actor actor, PublicationId id) {
    if (!Permissions.mayReadDetails(actor)) {
      return Result.forbidden("publications are listed for the staff of the network");
    }
    return publications
        .find(id)
        .map(Result::done)
        .orElseGet(() -> Result.notFound("publication " + id));
  }

  /** Newest first; {@code projectId} and {@code year} filter when given. */
  public Result<List<Publication>> list(Actor actor, String projectId, Integer year) {
    if (!Permissions.mayReadDetails(actor)) {
      return Result.forbidden("publications are listed for the staff of the network");
    }
    List<Publication> all =
        projectId == null ? publications.all() : publications.aboutProject(projectId);
    List<Publication> found = new ArrayList<>();
    all.stream()
        .filter(p -> year == null || p.details().publishedOn().getYear() == year)
        .sorted(
            Comparator.comparing((Publication p) -> p.details().publishedOn())
                .thenComparing(p -> p.id().value())
                .reversed())
        .forEach(found::add);
    return Result.done(found);
  }

  private List<Violation> check(PublicationDetails details) {
    List<Violation> violations = new ArrayList<>();
    if (details.outletPartnerId() != null) {
      Optional<Partner> outlet = partners.find(details.outletPartnerId());
      if (outlet.isEmpty()) {
        violations.add(new Violation("outletPartnerId", "no partner " + details.outletPartnerId()));
      } else if (outlet.get().type() != PartnerType.MEDIA) {
        violations.add(
            new Violation(
                "outletPartnerId",
                "partner "
                    + details.outletPartnerId()
                    + " is "
                    + outlet.get().type()
                    + ", not MEDIA; name other outlets in outletName"));
      }
    }
    if (details.projectId() != null && projects.find(details.projectId()).isEmpty()) {
      violations.add(new Violation("projectId", "no project " + details.projectId()));
    }
    return violations;
  }
}
