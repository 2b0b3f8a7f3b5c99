package org.kitepkana.catalog.sync.adapter.in.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.sync.application.SyncBatchLog;
import org.kitepkana.catalog.sync.application.SyncResult;
import org.kitepkana.catalog.sync.application.SyncService;
import org.kitepkana.catalog.sync.domain.BatchResult;
import org.kitepkana.platform.security.AccessRefused;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.security.BranchScoped;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Branch sync over HTTP. A batch is PUT under its own id, so resending it after a dropped
 * connection is safe: the replay answers with the first result and changes nothing.
 */
@RestController
class SyncController {

  private static final Pattern BATCH_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

  private final SyncService sync;
  private final SyncBatchLog batches;
  private final JsonMapper json;
  private final MeterRegistry meters;

  SyncController(SyncService sync, SyncBatchLog batches, JsonMapper json, MeterRegistry meters) {
    this.sync = sync;
    this.batches = batches;
    this.json = json;
    this.meters = meters;
  }

  @PutMapping("/api/catalog/branches/{branchId}/sync-batches/{batchId}")
  @BranchScoped
  ResponseEntity<BatchResult> put(
      @PathVariable String branchId,
      @PathVariable String batchId,
      Actor actor,
      @RequestBody(required = false) SyncBatchRequest request) {
    BranchId branch = branch(branchId);
    if (!BATCH_ID.matcher(batchId).matches()) {
      throw ApiProblem.badRequest(
          "batchId", "must be 1-64 letters, digits, dots, dashes or underscores");
    }
    if (request == null || request.items() == null || request.items().isEmpty()) {
      throw ApiProblem.badRequest("items", "must contain 1 to " + SyncService.MAX_ITEMS + " items");
    }
    if (request.items().size() > SyncService.MAX_ITEMS) {
      throw ApiProblem.badRequest(
          "items",
          "has "
              + request.items().size()
              + " items; at most "
              + SyncService.MAX_ITEMS
              + " per batch");
    }
    SyncResult result = sync.sync(actor, branch, batchId, hash(request), request.items());
    if (result instanceof SyncResult.Applied applied) {
      count(applied);
      return ResponseEntity.ok()
          .header("Sync-Replayed", String.valueOf(applied.replay()))
          .body(applied.result());
    }
    if (result instanceof SyncResult.Forbidden forbidden) {
      throw new AccessRefused(forbidden.reason());
    }
    if (result instanceof SyncResult.BatchIdReused) {
      throw ApiProblem.conflict(
          "Batch " + batchId + " was already sent with different items; use a new batch id");
    }
    throw ApiProblem.notFound("No branch " + branchId);
  }

  @GetMapping("/api/catalog/branches/{branchId}/sync-batches/{batchId}")
  BatchResult get(@PathVariable String branchId, @PathVariable String batchId) {
    return batches
        .find(branch(branchId), batchId)
        .orElseThrow(() -> ApiProblem.notFound("No finished batch " + batchId));
  }

  /** Sync throughput: items by outcome, batches by first or replayed answer. */
  private void count(SyncResult.Applied applied) {
    meters
        .counter("kitepkana.sync.batches", "replay", String.valueOf(applied.replay()))
        .increment();
    if (!applied.replay()) {
      BatchResult r = applied.result();
      meters.counter("kitepkana.sync.items", "status", "applied").increment(r.applied());
      meters.counter("kitepkana.sync.items", "status", "unchanged").increment(r.unchanged());
      meters.counter("kitepkana.sync.items", "status", "rejected").increment(r.rejected());
    }
  }

  private static BranchId branch(String raw) {
    if (!BranchId.isValid(raw)) {
      throw ApiProblem.notFound("No branch " + raw);
    }
    return new BranchId(raw);
  }

  private String hash(SyncBatchRequest request) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
