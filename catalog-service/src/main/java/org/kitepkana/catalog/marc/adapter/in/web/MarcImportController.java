package org.kitepkana.catalog.marc.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.marc.application.MarcImports;
import org.kitepkana.catalog.marc.domain.HoldingDefaults;
import org.kitepkana.catalog.marc.domain.ImportOptions;
import org.kitepkana.catalog.marc.domain.MarcJob;
import org.kitepkana.catalog.marc.domain.MarcJobId;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.kitepkana.catalog.marc.domain.SourceFormat;
import org.kitepkana.platform.security.AccessRefused;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.security.BranchScoped;
import org.kitepkana.platform.web.ApiProblem;
import org.kitepkana.platform.web.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * MARC imports over HTTP. The file is the raw request body (not multipart, so nothing buffers it):
 * {@code POST /api/catalog/branches/{branchId}/marc-imports} answers 202 with the job as soon as
 * the body is on disk; the client polls the job and downloads its error report.
 */
@RestController
class MarcImportController {

  static final String BASE = "/api/catalog/branches/{branchId}/marc-imports";

  private final MarcImports imports;
  private final Clock clock;

  MarcImportController(MarcImports imports, Clock clock) {
    this.imports = imports;
    this.clock = clock;
  }

  @PostMapping(
      path = BASE,
      consumes = {
        "application/marc",
        "application/marcxml+xml",
        "application/xml",
        "text/xml",
        "application/octet-stream"
      })
  @BranchScoped
  ResponseEntity<MarcJobResponse> upload(
      @PathVariable String branchId,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String encoding,
      @RequestParam(required = false) String callNumber,
      @RequestParam(required = false) String location,
      @RequestParam(required = false) Integer copies,
      @RequestParam(required = false) String fileName,
      Actor actor,
      HttpServletRequest request)
      throws IOException {
    BranchId branch = branch(branchId);
    ImportOptions options = options(format, encoding, callNumber, location, copies, fileName);
    MarcImports.StartResult result =
        imports.start(actor, branch, options, request.getInputStream());
    if (result instanceof MarcImports.Started started) {
      MarcJobResponse body = MarcJobResponse.of(started.job(), clock.instant());
      return ResponseEntity.status(HttpStatus.ACCEPTED)
          .location(URI.create(body.links().self()))
          .body(body);
    }
    if (result instanceof MarcImports.Forbidden forbidden) {
      throw new AccessRefused(forbidden.reason());
    }
    if (result instanceof MarcImports.EmptyFile) {
      throw ApiProblem.badRequest("body", "the file is empty: send the MARC file as the body");
    }
    if (result instanceof MarcImports.NotMarc notMarc) {
      throw ApiProblem.badRequest("body", "not a MARC file: " + notMarc.reason());
    }
    throw ApiProblem.notFound("No branch " + branchId);
  }

  @GetMapping(BASE + "/{jobId}")
  MarcJobResponse job(@PathVariable String branchId, @PathVariable String jobId, Actor actor) {
    return MarcJobResponse.of(find(branchId, jobId, actor), clock.instant());
  }

  /**
   * The error report: one line per record skipped, imported with a warning, or repeated in the
   * file. Streamed from the store, so a report of a million lines costs no memory.
   */
  @GetMapping(BASE + "/{jobId}/errors.csv")
  void errors(
      @PathVariable String branchId,
      @PathVariable String jobId,
      @RequestParam(defaultValue = "true") boolean bom,
      Actor actor,
      HttpServletResponse response)
      throws IOException {
    MarcJob job = find(branchId, jobId, actor);
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"marc-import-" + job.id() + "-errors.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    if (bom) {
      out.write(Csv.BOM);
    }
    Csv.line(out, "position", "controlNumber", "outcome", "byteOffset", "reason");
    try {
      imports.issues(
          job.id(),
          i -> {
            try {
              Csv.line(
                  out,
                  i.position(),
                  i.controlNumber(),
                  i.outcome().name(),
                  i.byteOffset() < 0 ? null : i.byteOffset(),
                  i.reason());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  private MarcJob find(String branchId, String jobId, Actor actor) {
    BranchId branch = branch(branchId);
    allowed(actor, branch);
    if (!MarcJobId.isValid(jobId)) {
      throw ApiProblem.notFound("No MARC import " + jobId);
    }
    return imports
        .job(branch, new MarcJobId(jobId))
        .orElseThrow(() -> ApiProblem.notFound("No MARC import " + jobId + " for " + branchId));
  }

  private void allowed(Actor actor, BranchId branch) {
    if (!imports.mayManage(actor, branch)) {
      throw new AccessRefused(
          "only a coordinator or the librarian of " + branch.value() + " sees its imports");
    }
  }

  private static BranchId branch(String raw) {
    if (!BranchId.isValid(raw)) {
      throw ApiProblem.notFound("No branch " + raw);
    }
    return new BranchId(raw);
  }

  private static ImportOptions options(
      String format,
      String encoding,
      String callNumber,
      String location,
      Integer copies,
      String fileName) {
    List<FieldError> errors = new ArrayList<>();
    SourceFormat f = null;
    if (format != null && !format.isBlank() && !format.equalsIgnoreCase("auto")) {
      f = SourceFormat.parse(format).orElse(null);
      if (f == null) {
        errors.add(new FieldError("format", "must be auto, iso2709 or marcxml"));
      }
    }
    SourceEncoding e = SourceEncoding.AUTO;
    if (encoding != null) {
      e = SourceEncoding.parse(encoding).orElse(null);
      if (e == null) {
        errors.add(new FieldError("encoding", "must be auto, utf-8, marc-8 or cp1251"));
      }
    }
    HoldingDefaults defaults = null;
    try {
      defaults = new HoldingDefaults(callNumber, location, copies == null ? 1 : copies);
    } catch (IllegalArgumentException ex) {
      String message = ex.getMessage();
      String field = message.substring(0, message.indexOf(' '));
      errors.add(new FieldError(field, message.substring(field.length() + 1)));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.badRequest(errors);
    }
    return new ImportOptions(f, e, defaults, fileName);
  }
}
