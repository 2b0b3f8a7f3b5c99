package org.kitepkana.partnership.partner.adapter.in.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.kitepkana.partnership.common.adapter.in.web.Answers;
import org.kitepkana.partnership.common.adapter.in.web.RequestErrors;
import org.kitepkana.partnership.partner.adapter.in.web.PartnerRequests.AgreementRequest;
import org.kitepkana.partnership.partner.adapter.in.web.PartnerRequests.PartnerRequest;
import org.kitepkana.partnership.partner.adapter.in.web.PartnerResponses.AgreedResponse;
import org.kitepkana.partnership.partner.adapter.in.web.PartnerResponses.AgreementResponse;
import org.kitepkana.partnership.partner.adapter.in.web.PartnerResponses.PartnerResponse;
import org.kitepkana.partnership.partner.application.PartnerFilter;
import org.kitepkana.partnership.partner.application.PartnerService;
import org.kitepkana.partnership.partner.domain.AgreementId;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerId;
import org.kitepkana.partnership.partner.domain.PartnerType;
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

/** Partners and their agreements over HTTP. */
@RestController
@RequestMapping("/api/partnerships/partners")
class PartnerController {

  private final PartnerService partners;

  PartnerController(PartnerService partners) {
    this.partners = partners;
  }

  @PostMapping
  ResponseEntity<PartnerResponse> register(
      Actor actor, @Valid @RequestBody PartnerRequest request) {
    Partner partner = Answers.unwrap(partners.register(actor, request.details()));
    return ResponseEntity.created(URI.create("/api/partnerships/partners/" + partner.id()))
        .body(PartnerResponses.detailed(partner));
  }

  @PutMapping("/{partnerId}")
  PartnerResponse revise(
      Actor actor, @PathVariable String partnerId, @Valid @RequestBody PartnerRequest request) {
    return PartnerResponses.detailed(
        Answers.unwrap(
            partners.revise(actor, partnerId(partnerId), request.details(), request.version())));
  }

  @GetMapping
  List<Object> list(
      Actor actor,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) Boolean active) {
    RequestErrors errors = new RequestErrors();
    PartnerType partnerType = errors.enumValue("type", type, PartnerType.class, false);
    errors.throwIfAny();
    return partners.list(actor, new PartnerFilter(partnerType, district, active)).stream()
        .map(PartnerResponses::of)
        .toList();
  }

  @GetMapping("/{partnerId}")
  Object one(Actor actor, @PathVariable String partnerId) {
    return PartnerResponses.of(Answers.unwrap(partners.find(actor, partnerId(partnerId))));
  }

  @PostMapping("/{partnerId}/agreements")
  ResponseEntity<AgreedResponse> recordAgreement(
      Actor actor, @PathVariable String partnerId, @Valid @RequestBody AgreementRequest request) {
    var agreed =
        Answers.unwrap(
            partners.recordAgreement(
                actor, partnerId(partnerId), request.terms(), request.version()));
    return ResponseEntity.created(
            URI.create(
                "/api/partnerships/partners/"
                    + partnerId
                    + "/agreements/"
                    + agreed.agreement().id()))
        .body(
            new AgreedResponse(
                partnerId, agreed.partner().version(), AgreementResponse.of(agreed.agreement())));
  }

  @PutMapping("/{partnerId}/agreements/{agreementId}")
  AgreedResponse reviseAgreement(
      Actor actor,
      @PathVariable String partnerId,
      @PathVariable String agreementId,
      @Valid @RequestBody AgreementRequest request) {
    if (!Ulid.isValid(agreementId)) {
      throw ApiProblem.notFound("No agreement " + agreementId);
    }
    var agreed =
        Answers.unwrap(
            partners.reviseAgreement(
                actor,
                partnerId(partnerId),
                new AgreementId(agreementId),
                request.terms(),
                request.version()));
    return new AgreedResponse(
        partnerId, agreed.partner().version(), AgreementResponse.of(agreed.agreement()));
  }

  static PartnerId partnerId(String raw) {
    if (!Ulid.isValid(raw)) {
      throw ApiProblem.notFound("No partner " + raw);
    }
    return new PartnerId(raw);
  }
}
