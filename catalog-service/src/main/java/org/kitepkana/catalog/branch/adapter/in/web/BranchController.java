package org.kitepkana.catalog.branch.adapter.in.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.kitepkana.catalog.branch.application.BranchDirectory;
import org.kitepkana.catalog.branch.application.BranchResult;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.platform.security.AccessRefused;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The branch directory over HTTP. */
@RestController
@RequestMapping("/api/catalog/branches")
class BranchController {

  private final BranchDirectory directory;

  BranchController(BranchDirectory directory) {
    this.directory = directory;
  }

  @PostMapping
  ResponseEntity<BranchResponse> register(Actor actor, @Valid @RequestBody BranchRequest request) {
    if (request.id() == null) {
      throw ApiProblem.badRequest("id", "must not be null");
    }
    BranchResult result = directory.register(actor, new BranchId(request.id()), request.details());
    BranchResponse body = answer(result, request.id());
    return ResponseEntity.created(URI.create("/api/catalog/branches/" + body.id())).body(body);
  }

  @PutMapping("/{branchId}")
  BranchResponse revise(
      Actor actor, @PathVariable String branchId, @Valid @RequestBody BranchRequest request) {
    return answer(
        directory.revise(actor, branchId(branchId), request.details(), request.version()),
        branchId);
  }

  @GetMapping
  List<BranchResponse> all() {
    return directory.all().stream().map(BranchResponse::of).toList();
  }

  @GetMapping("/{branchId}")
  BranchResponse one(@PathVariable String branchId) {
    return directory
        .find(branchId(branchId))
        .map(BranchResponse::of)
        .orElseThrow(() -> ApiProblem.notFound("No branch " + branchId));
  }

  static BranchId branchId(String raw) {
    if (!BranchId.isValid(raw)) {
      throw ApiProblem.notFound("No branch " + raw);
    }
    return new BranchId(raw);
  }

  private static BranchResponse answer(BranchResult result, String id) {
    if (result instanceof BranchResult.Done done) {
      return BranchResponse.of(done.branch());
    }
    if (result instanceof BranchResult.Forbidden forbidden) {
      throw new AccessRefused(forbidden.reason());
    }
    if (result instanceof BranchResult.AlreadyExists) {
      throw ApiProblem.conflict("Branch " + id + " already exists");
    }
    if (result instanceof BranchResult.UnknownParent u) {
      throw ApiProblem.badRequest("parentId", "no branch " + u.parentId());
    }
    if (result instanceof BranchResult.InvalidParent i) {
      throw ApiProblem.badRequest("parentId", i.reason());
    }
    if (result instanceof BranchResult.VersionConflict c) {
      throw ApiProblem.conflict("Branch " + id + " is at version " + c.currentVersion());
    }
    throw ApiProblem.notFound("No branch " + id);
  }
}
