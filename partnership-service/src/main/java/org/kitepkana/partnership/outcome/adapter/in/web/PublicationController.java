package org.kitepkana.partnership.outcome.adapter.in.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kitepkana.partnership.common.adapter.in.web.Answers;
import org.kitepkana.partnership.common.adapter.in.web.RequestErrors;
import org.kitepkana.partnership.outcome.application.PublicationService;
import org.kitepkana.partnership.outcome.domain.Publication;
import org.kitepkana.partnership.outcome.domain.PublicationDetails;
import org.kitepkana.partnership.outcome.domain.PublicationId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.domain.ProjectId;
import org.kitepkana.platform.ids.Ulid;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Media publications about the libraries' work over HTTP. */
@RestController
@RequestMapping("/api/partnerships/publications")
class PublicationController {

  /**
   * A publication: the outlet as a media partner ({@code outletPartnerId}) or in free text ({@code
   * outletName}); {@code version} is an optional check when revising.
   */
  record PublicationRequest(
      String outletPartnerId,
      String outletName,
      LocalDate publishedOn,
      String title,
      String link,
      Boolean writtenByStaff,
      String projectId,
      Long version) {

    PublicationDetails details() {
      RequestErrors errors = new RequestErrors();
      PartnerId outlet =
          outletPartnerId == null
              ? null
              : errors.value("outletPartnerId", () -> new PartnerId(outletPartnerId));
      ProjectId project =
          projectId == null ? null : errors.value("projectId", () -> new ProjectId(projectId));
      URI address = errors.value("", () -> PublicationDetails.link(link));
      errors.throwIfAny();
      PublicationDetails details =
          errors.value(
              "",
              () ->
                  new PublicationDetails(
                      outlet,
                      outletName,
                      publishedOn,
                      title,
                      address,
                      Boolean.TRUE.equals(writtenByStaff),
                      project));
      errors.throwIfAny();
      return details;
    }
  }

  record PublicationResponse(
      String id,
      String outletPartnerId,
      String outletName,
      LocalDate publishedOn,
      String title,
      String link,
      boolean writtenByStaff,
      String projectId,
      long version,
      Instant recordedAt) {
    static PublicationResponse of(Publication p) {
      PublicationDetails d = p.details();
      return new PublicationResponse(
          p.id().value(),
          d.outletPartnerId() == null ? null : d.outletPartnerId().value(),
          d.outletName(),
          d.publishedOn(),
          d.title(),
          d.link() == null ? null : d.link().toString(),
          d.writtenByStaff(),
          d.projectId() == null ? null : d.projectId().value(),
          p.version(),
          p.recordedAt());
    }
  }

  private final PublicationService publications;

  PublicationController(PublicationService publications) {
    this.publications = publications;
  }

  @PostMapping
  ResponseEntity<PublicationResponse> record(Actor actor, @RequestBody PublicationRequest request) {
    Publication p = Answers.unwrap(publications.record(actor, request.details()));
    return ResponseEntity.created(URI.create("/api/partnerships/publications/" + p.id()))
        .body(PublicationResponse.of(p));
  }

  @PutMapping("/{publicationId}")
  PublicationResponse revise(
      Actor actor, @PathVariable String publicationId, @RequestBody PublicationRequest request) {
    return PublicationResponse.of(
        Answers.unwrap(
            publications.revise(
                actor, publicationId(publicationId), request.details(), request.version())));
  }

  @GetMapping
  List<PublicationResponse> list(
      Actor actor,
      @RequestParam(required = false) String projectId,
      @RequestParam(required = false) Integer year) {
    return Answers.unwrap(publications.list(actor, projectId, year)).stream()
        .map(PublicationResponse::of)
        .toList();
  }

  @GetMapping("/{publicationId}")
  PublicationResponse one(Actor actor, @PathVariable String publicationId) {
    return PublicationResponse.of(
        Answers.unwrap(publications.find(actor, publicationId(publicationId))));
  }

  private static PublicationId publicationId(String raw) {
    if (!Ulid.isValid(raw)) {
      throw ApiProblem.notFound("No publication " + raw);
    }
    return new PublicationId(raw);
  }
}
