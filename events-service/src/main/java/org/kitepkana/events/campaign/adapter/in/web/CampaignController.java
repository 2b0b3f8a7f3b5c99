package org.kitepkana.events.campaign.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.kitepkana.events.campaign.application.CampaignOverview;
import org.kitepkana.events.campaign.application.CampaignPlanner;
import org.kitepkana.events.campaign.application.CampaignResult;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.event.adapter.in.web.EventAnswers;
import org.kitepkana.events.event.adapter.in.web.EventResponse;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;
import org.kitepkana.platform.ids.Ulid;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Network campaigns over HTTP. */
@RestController
@RequestMapping("/api/events/campaigns")
class CampaignController {

  record AnswerRequest(@NotBlank String branchId, @NotNull Campaign.Answer answer) {}

  record BranchPartView(
      String branchId, String branchName, String answer, List<EventResponse> events) {}

  record OverviewView(
      CampaignResponse campaign, List<BranchPartView> branches, CampaignOverview.Totals totals) {}

  private final CampaignPlanner planner;

  CampaignController(CampaignPlanner planner) {
    this.planner = planner;
  }

  @PostMapping
  ResponseEntity<CampaignResponse> plan(Actor actor, @Valid @RequestBody CampaignRequest request) {
    CampaignResponse body = answer(planner.plan(actor, request.toDetails()));
    return ResponseEntity.created(URI.create("/api/events/campaigns/" + body.campaignId()))
        .body(body);
  }

  @GetMapping
  List<CampaignResponse> all() {
    return planner.all().stream().map(CampaignResponse::of).toList();
  }

  @GetMapping("/{campaignId}")
  CampaignResponse one(@PathVariable String campaignId) {
    return planner
        .find(id(campaignId))
        .map(CampaignResponse::of)
        .orElseThrow(() -> ApiProblem.notFound("No campaign " + campaignId));
  }

  @PutMapping("/{campaignId}")
  CampaignResponse revise(
      Actor actor, @PathVariable String campaignId, @Valid @RequestBody CampaignRequest request) {
    return answer(planner.revise(actor, id(campaignId), request.toDetails(), request.version()));
  }

  @PostMapping("/{campaignId}/answers")
  CampaignResponse answer(
      Actor actor, @PathVariable String campaignId, @Valid @RequestBody AnswerRequest request) {
    if (!BranchId.isValid(request.branchId())) {
      throw ApiProblem.badRequest("branchId", "must be a branch id");
    }
    return answer(
        planner.answer(actor, id(campaignId), new BranchId(request.branchId()), request.answer()));
  }

  @GetMapping("/{campaignId}/overview")
  OverviewView overview(Actor actor, @PathVariable String campaignId) {
    CampaignOverview.Result result = planner.overview(actor, id(campaignId));
    if (result instanceof CampaignOverview.Result.Forbidden f) {
      throw EventAnswers.forbidden(f.reason());
    }
    if (!(result instanceof CampaignOverview.Result.Shown shown)) {
      throw ApiProblem.notFound("No campaign " + campaignId);
    }
    CampaignOverview o = shown.overview();
    return new OverviewView(
        CampaignResponse.of(o.campaign()),
        o.branches().stream()
            .map(
                p ->
                    new BranchPartView(
                        p.branchId(),
                        p.branchName(),
                        p.answer() == null ? null : p.answer().name(),
                        p.events().stream().map(EventResponse::of).toList()))
            .toList(),
        o.totals());
  }

  private static CampaignId id(String raw) {
    if (!Ulid.isValid(raw)) {
      throw ApiProblem.notFound("No campaign " + raw);
    }
    return new CampaignId(raw);
  }

  private static CampaignResponse answer(CampaignResult result) {
    if (result instanceof CampaignResult.Done done) {
      return CampaignResponse.of(done.campaign());
    }
    if (result instanceof CampaignResult.NotFound) {
      throw ApiProblem.notFound("No such campaign");
    }
    if (result instanceof CampaignResult.Forbidden f) {
      throw EventAnswers.forbidden(f.reason());
    }
    if (result instanceof CampaignResult.Invalid invalid) {
      throw ApiProblem.badRequest(
          invalid.problems().stream().map(p -> new FieldError(p.field(), p.reason())).toList());
    }
    if (result instanceof CampaignResult.VersionConflict c) {
      throw ApiProblem.conflict("The campaign is at version " + c.currentVersion());
    }
    throw new ApiProblem(
        HttpStatus.CONFLICT, "Conflict", ((CampaignResult.Refused) result).reason(), List.of());
  }
}
