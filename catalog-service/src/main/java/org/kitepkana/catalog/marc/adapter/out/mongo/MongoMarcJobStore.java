package org.kitepkana.catalog.marc.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.marc.application.MarcJobStore;
import org.kitepkana.catalog.marc.domain.HoldingDefaults;
import org.kitepkana.catalog.marc.domain.ImportCounters;
import org.kitepkana.catalog.marc.domain.ImportOptions;
import org.kitepkana.catalog.marc.domain.JobState;
import org.kitepkana.catalog.marc.domain.MarcJob;
import org.kitepkana.catalog.marc.domain.MarcJobId;
import org.kitepkana.catalog.marc.domain.RecordIssue;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.kitepkana.catalog.marc.domain.SourceFormat;

/**
 * Jobs in {@value #JOBS} (by job id, updated once per chunk with {@code $inc}, conditional on the
 * lease owner) and their report lines in {@value #ISSUES}, keyed {@code <job>|<position>|<outcome>}
 * so that a job's lines are one {@code _id} range in file order and a line written twice is kept
 * once. Lookups go by {@code _id} only, which the embedded store serves without secondary indexes;
 * the scan for unfinished jobs runs over a small collection, every few seconds.
 */
public final class MongoMarcJobStore implements MarcJobStore {

  public static final String JOBS = "marc_jobs";
  public static final String ISSUES = "marc_job_issues";

  private static final List<String> UNFINISHED =
      List.of(JobState.QUEUED.name(), JobState.RUNNING.name());
  private static final String[] COUNTERS = {
    "read", "imported", "created", "matched", "unchanged", "failed", "warnings", "duplicates"
  };

  private final MongoCollection<Document> jobs;
  private final MongoCollection<Document> issues;

  public MongoMarcJobStore(MongoDatabase database) {
    this.jobs = database.getCollection(JOBS);
    this.issues = database.getCollection(ISSUES);
  }

  @Override
  public void create(MarcJob job, String owner, Instant leaseUntil) {
    ImportOptions o = job.options();
    Document counters = new Document();
    for (String c : COUNTERS) {
      counters.append(c, 0L);
    }
    jobs.insertOne(
        new Document("_id", job.id().value())
            .append("branchId", job.branchId().value())
            .append("state", job.state().name())
            .append("format", o.format() == null ? null : o.format().name())
            .append("encoding", o.encoding().name())
            .append("callNumber", o.defaults().callNumber())
            .append("location", o.defaults().location())
            .append("copies", o.defaults().copies())
            .append("fileName", o.fileName())
            .append("sourceBytes", job.sourceBytes())
            .append("bytesDone", 0L)
            .append("recordsDone", 0L)
            .append("counters", counters)
            .append("encodings", new Document())
            .append("profile", new Document())
            .append("createdAt", Date.from(job.createdAt()))
            .append("updatedAt", Date.from(job.updatedAt()))
            .append("lease", new Document("owner", owner).append("until", Date.from(leaseUntil))));
  }

  @Override
  public Optional<MarcJob> find(MarcJobId id) {
    return Optional.ofNullable(jobs.find(eq("_id", id.value())).first())
        .map(MongoMarcJobStore::toJob);
  }

  @Override
  public boolean start(MarcJobId id, String owner, Instant now) {
    boolean held =
        jobs.updateOne(
                    heldBy(id, owner),
                    Updates.combine(
                        Updates.set("state", JobState.RUNNING.name()),
                        Updates.set("updatedAt", Date.from(now))))
                .getMatchedCount()
            == 1;
    if (held) {
      jobs.updateOne(
          and(eq("_id", id.value()), eq("startedAt", null)),
          Updates.set("startedAt", Date.from(now)));
    }
    return held;
  }

  @Override
  public boolean recordChunk(
      MarcJobId id, String owner, ChunkProgress progress, List<RecordIssue> found, Instant now) {
    insertIssues(id, found);
    List<Bson> updates = new ArrayList<>();
    ImportCounters c = progress.counters();
    long[] values = {
      c.read(),
      c.imported(),
      c.created(),
      c.matched(),
      c.unchanged(),
      c.failed(),
      c.warnings(),
      c.duplicates()
    };
    for (int i = 0; i < COUNTERS.length; i++) {
      if (values[i] != 0) {
        updates.add(Updates.inc("counters." + COUNTERS[i], values[i]));
      }
    }
    progress.encodings().forEach((e, n) -> updates.add(Updates.inc("encodings." + e, n)));
    MarcJob.Profile p = progress.profile();
    updates.add(Updates.inc("profile.parseMillis", p.parseMillis()));
    updates.add(Updates.inc("profile.matchMillis", p.matchMillis()));
    updates.add(Updates.inc("profile.storeMillis", p.storeMillis()));
    updates.add(Updates.inc("profile.reportMillis", p.reportMillis()));
    updates.add(Updates.set("bytesDone", progress.bytesDone()));
    updates.add(Updates.set("recordsDone", progress.recordsDone()));
    updates.add(Updates.set("updatedAt", Date.from(now)));
    return jobs.updateOne(
                and(heldBy(id, owner), eq("state", JobState.RUNNING.name())),
                Updates.combine(updates))
            .getMatchedCount()
        == 1;
  }

  private void insertIssues(MarcJobId id, List<RecordIssue> found) {
    if (found.isEmpty()) {
      return;
    }
    List<Document> docs = new ArrayList<>(found.size());
    for (RecordIssue i : found) {
      docs.add(
          new Document("_id", issueId(id, i.position(), i.outcome()))
              .append("position", i.position())
              .append("controlNumber", i.controlNumber())
              .append("outcome", i.outcome().name())
              .append("byteOffset", i.byteOffset())
              .append("reason", i.reason()));
    }
    try {
      issues.insertMany(docs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (var error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
    }
  }

  @Override
  public boolean finish(MarcJobId id, String owner, JobState state, String failure, Instant now) {
    return jobs.updateOne(
                heldBy(id, owner),
                Updates.combine(
                    Updates.set("state", state.name()),
                    Updates.set("failure", failure),
                    Updates.set("finishedAt", Date.from(now)),
                    Updates.set("updatedAt", Date.from(now))))
            .getMatchedCount()
        == 1;
  }

  @Override
  public void renewLeases(String owner, Instant until) {
    jobs.updateMany(
        and(eq("lease.owner", owner), in("state", UNFINISHED)),
        Updates.set("lease.until", Date.from(until)));
  }

  @Override
  public List<Held> unfinished() {
    List<Held> held = new ArrayList<>();
    jobs.find(in("state", UNFINISHED))
        .projection(Projections.include("_id", "lease"))
        .forEach(
            d -> {
              Document lease = d.get("lease", Document.class);
              held.add(
                  new Held(
                      new MarcJobId(d.getString("_id")),
                      lease == null ? null : lease.getString("owner"),
                      lease == null || lease.getDate("until") == null
                          ? null
                          : lease.getDate("until").toInstant()));
            });
    return held;
  }

  @Override
  public boolean takeOver(MarcJobId id, String previousOwner, String newOwner, Instant until) {
    return jobs.updateOne(
                heldBy(id, previousOwner),
                Updates.combine(
                    Updates.set("lease.owner", newOwner),
                    Updates.set("lease.until", Date.from(until))))
            .getMatchedCount()
        == 1;
  }

  @Override
  public void issues(MarcJobId id, Consumer<RecordIssue> each) {
    issues
        .find(and(gte("_id", id.value() + "|"), lt("_id", id.value() + "|\uffff")))
        .sort(Sorts.ascending("_id"))
        .batchSize(1000)
        .forEach(
            d ->
                each.accept(
                    new RecordIssue(
                        ((Number) d.get("position")).longValue(),
                        d.getString("controlNumber"),
                        RecordIssue.Outcome.valueOf(d.getString("outcome")),
                        ((Number) d.get("byteOffset")).longValue(),
                        d.getString("reason"))));
  }

  private static Bson heldBy(MarcJobId id, String owner) {
    return and(eq("_id", id.value()), eq("lease.owner", owner), in("state", UNFINISHED));
  }

  private static String issueId(MarcJobId id, long position, RecordIssue.Outcome outcome) {
    return id.value() + "|" + String.format("%012d", position) + "|" + outcome.name();
  }

  private static MarcJob toJob(Document d) {
    Document c = d.get("counters", new Document());
    Document p = d.get("profile", new Document());
    Map<String, Long> encodings = new HashMap<>();
    d.get("encodings", new Document())
        .forEach((k, v) -> encodings.put(k, ((Number) v).longValue()));
    String format = d.getString("format");
    return new MarcJob(
        new MarcJobId(d.getString("_id")),
        new BranchId(d.getString("branchId")),
        new ImportOptions(
            format == null ? null : SourceFormat.valueOf(format),
            SourceEncoding.valueOf(d.getString("encoding")),
            new HoldingDefaults(
                d.getString("callNumber"), d.getString("location"), d.getInteger("copies", 1)),
            d.getString("fileName")),
        JobState.valueOf(d.getString("state")),
        number(d, "sourceBytes"),
        number(d, "bytesDone"),
        number(d, "recordsDone"),
        new ImportCounters(
            number(c, "read"),
            number(c, "imported"),
            number(c, "created"),
            number(c, "matched"),
            number(c, "unchanged"),
            number(c, "failed"),
            number(c, "warnings"),
            number(c, "duplicates")),
        encodings,
        instant(d, "createdAt"),
        instant(d, "startedAt"),
        instant(d, "updatedAt"),
        instant(d, "finishedAt"),
        d.getString("failure"),
        new MarcJob.Profile(
            number(p, "parseMillis"),
            number(p, "matchMillis"),
            number(p, "storeMillis"),
            number(p, "reportMillis")));
  }

  private static long number(Document d, String key) {
    Object v = d.get(key);
    return v == null ? 0 : ((Number) v).longValue();
  }

  private static Instant instant(Document d, String key) {
    Date date = d.getDate(key);
    return date == null ? null : date.toInstant();
  }
}
