package org.kitepkana.partnership.project.adapter.in.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.kitepkana.partnership.common.adapter.in.web.Answers;
import org.kitepkana.partnership.common.adapter.in.web.RequestErrors;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.project.adapter.in.web.ProjectRequests.EvaluationRequest;
import org.kitepkana.partnership.project.adapter.in.web.ProjectRequests.ProjectRequest;
import org.kitepkana.partnership.project.adapter.in.web.ProjectRequests.TransitionRequest;
import org.kitepkana.partnership.project.adapter.in.web.ProjectResponses.OutcomesResponse;
import org.kitepkana.partnership.project.adapter.in.web.ProjectResponses.PageResponse;
import org.kitepkana.partnership.project.adapter.in.web.ProjectResponses.ProjectResponse;
import org.kitepkana.partnership.project.application.ProjectFilter;
import org.kitepkana.partnership.project.application.ProjectQueries;
import org.kitepkana.partnership.project.application.ProjectService;
import org.kitepkana.partnership.project.domain.ContentArea;
import org.kitepkana.partnership.project.domain.Outcomes;
import org.kitepkana.partnership.project.domain.Project;
import org.kitepkana.partnership.project.domain.ProjectId;
import org.kitepkana.partnership.project.domain.ProjectStatus;
import org.kitepkana.partnership.project.domain.Scale;
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

/** Projects over HTTP: proposal, plan, lifecycle, evaluation, outcomes. */
@RestController
@RequestMapping("/api/partnerships/projects")
class ProjectController {

  private final ProjectService service;
  private final ProjectQueries queries;

  ProjectController(ProjectService service, ProjectQueries queries) {
    this.service = service;
    this.queries = queries;
  }

  @PostMapping
  ResponseEntity<ProjectResponse> propose(Actor actor, @Valid @RequestBody ProjectRequest request) {
    Project project = Answers.unwrap(service.propose(actor, ProjectRequestMapper.draft(request)));
    return ResponseEntity.created(URI.create("/api/partnerships/projects/" + project.id()))
        .body(ProjectResponses.detailed(project, Outcomes.none()));
  }

  @PutMapping("/{projectId}")
  ProjectResponse replan(
      Actor actor, @PathVariable String projectId, @Valid @RequestBody ProjectRequest request) {
    ProjectId id = projectId(projectId);
    Project project =
        Answers.unwrap(
            service.replan(actor, id, ProjectRequestMapper.draft(request), request.version()));
    return ProjectResponses.detailed(project, Answers.unwrap(queries.outcomes(actor, id)));
  }

  @PostMapping("/{projectId}/transitions")
  ProjectResponse transition(
      Actor actor, @PathVariable String projectId, @RequestBody TransitionRequest request) {
    ProjectId id = projectId(projectId);
    RequestErrors errors = new RequestErrors();
    ProjectStatus target = errors.enumValue("status", request.status(), ProjectStatus.class, true);
    errors.throwIfAny();
    Project project =
        Answers.unwrap(service.moveTo(actor, id, target, request.reason(), request.version()));
    return ProjectResponses.detailed(project, Answers.unwrap(queries.outcomes(actor, id)));
  }

  @PutMapping("/{projectId}/evaluation")
  ProjectResponse evaluate(
      Actor actor, @PathVariable String projectId, @RequestBody EvaluationRequest request) {
    ProjectId id = projectId(projectId);
    Project project =
        Answers.unwrap(
            service.evaluate(
                actor, id, ProjectRequestMapper.evaluation(request), request.version()));
    return ProjectResponses.detailed(project, Answers.unwrap(queries.outcomes(actor, id)));
  }

  @GetMapping
  PageResponse list(
      Actor actor,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String scale,
      @RequestParam(required = false) String contentArea,
      @RequestParam(required = false) String libraryId,
      @RequestParam(required = false) String partnerId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    RequestErrors errors = new RequestErrors();
    ProjectFilter filter =
        new ProjectFilter(
            year,
            errors.enumValue("status", status, ProjectStatus.class, false),
            errors.enumValue("scale", scale, Scale.class, false),
            errors.enumValue("contentArea", contentArea, ContentArea.class, false),
            libraryId == null ? null : errors.value("libraryId", () -> new LibraryId(libraryId)),
            partnerId == null ? null : errors.value("partnerId", () -> new PartnerId(partnerId)));
    if (page < 0) {
      errors.add("page", "must not be negative");
    }
    if (size < 1 || size > 500) {
      errors.add("size", "must be from 1 to 500");
    }
    errors.throwIfAny();
    ProjectQueries.Page found = queries.list(actor, filter, page, size);
    return new PageResponse(
        found.items().stream().map(ProjectResponses::of).toList(), found.total(), page, size);
  }

  @GetMapping("/{projectId}")
  Object one(Actor actor, @PathVariable String projectId) {
    return ProjectResponses.of(Answers.unwrap(queries.find(actor, projectId(projectId))));
  }

  @GetMapping("/{projectId}/outcomes")
  OutcomesResponse outcomes(Actor actor, @PathVariable String projectId) {
    return OutcomesResponse.of(Answers.unwrap(queries.outcomes(actor, projectId(projectId))));
  }

  static ProjectId projectId(String raw) {
    if (!Ulid.isValid(raw)) {
      throw ApiProblem.notFound("No project " + raw);
    }
    return new ProjectId(raw);
  }
}
