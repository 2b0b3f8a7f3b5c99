package org.kitepkana.events.event.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.events.campaign.domain.Campaign;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.events.directory.domain.KnownPartner;
import org.kitepkana.events.directory.domain.KnownProject;
import org.kitepkana.events.event.domain.EventDetails;
import org.kitepkana.events.shared.application.FieldProblem;
import org.kitepkana.events.shared.domain.Bishkek;
import org.kitepkana.events.shared.domain.PartnerId;

/**
 * Checks what a library event names against the local read models: the host must be a known branch,
 * partners known and active, the project known and open, and a campaign must exist, have been
 * confirmed by the host branch and cover the event's first day.
 */
public final class EventReferences {

  private final Directory directory;
  private final CampaignLookup campaigns;

  public EventReferences(Directory directory, CampaignLookup campaigns) {
    this.directory = directory;
    this.campaigns = campaigns;
  }

  public List<FieldProblem> check(EventDetails details) {
    List<FieldProblem> problems = new ArrayList<>();
    if (directory.branch(details.branchId()).isEmpty()) {
      problems.add(
          new FieldProblem("branchId", "no branch " + details.branchId() + " in the directory"));
    }
    Map<PartnerId, KnownPartner> partners = directory.partners(details.partnerIds());
    for (int i = 0; i < details.partnerIds().size(); i++) {
      KnownPartner partner = partners.get(details.partnerIds().get(i));
      if (partner == null) {
        problems.add(
            new FieldProblem("partnerIds[" + i + "]", "no partner " + details.partnerIds().get(i)));
      } else if (!partner.active()) {
        problems.add(
            new FieldProblem(
                "partnerIds[" + i + "]", "partner " + partner.name() + " is inactive"));
      }
    }
    if (details.projectId() != null) {
      Optional<KnownProject> project = directory.project(details.projectId());
      if (project.isEmpty()) {
        problems.add(new FieldProblem("projectId", "no project " + details.projectId()));
      } else if (!project.get().acceptsEvents()) {
        problems.add(new FieldProblem("projectId", "the project is " + project.get().status()));
      }
    }
    problems.addAll(checkCampaign(details, true));
    return problems;
  }

  /**
   * A library event under a campaign: the campaign exists, (if {@code answerToo}) the host branch
   * confirmed it, and its dates cover the event's first day. Rescheduling checks the dates only.
   */
  public List<FieldProblem> checkCampaign(EventDetails details, boolean answerToo) {
    List<FieldProblem> problems = new ArrayList<>();
    if (details.campaignId() == null) {
      return problems;
    }
    Optional<Campaign> campaign = campaigns.find(details.campaignId());
    if (campaign.isEmpty()) {
      problems.add(new FieldProblem("campaignId", "no campaign " + details.campaignId()));
    } else if (answerToo
        && campaign.get().answerOf(details.branchId()) != Campaign.Answer.CONFIRMED) {
      problems.add(
          new FieldProblem(
              "campaignId", details.branchId() + " has not confirmed its part in this campaign"));
    } else if (!campaign.get().details().covers(Bishkek.date(details.slot().start()))) {
      problems.add(
          new FieldProblem(
              "start",
              "the campaign runs from "
                  + campaign.get().details().start()
                  + " to "
                  + campaign.get().details().end()));
    }
    return problems;
  }
}
