package org.kitepkana.catalog.curation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.curation.application.CurationOperations;
import org.kitepkana.catalog.curation.application.HoldingMoves;
import org.kitepkana.catalog.curation.application.HoldingTransfer;
import org.kitepkana.catalog.curation.application.RecordEdits;
import org.kitepkana.catalog.curation.application.RecordMerges;
import org.kitepkana.catalog.curation.domain.CurationOperation;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.Kind;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.sync.application.RecordMatching;
import org.kitepkana.catalog.sync.domain.SyncItem;

/** Curation services over an in-memory store, and a branch sync that matches like the real one. */
final class CurationFixture {

  static final BranchId AT_BASHY = new BranchId("at-bashy");
  static final BranchId KOCHKOR = new BranchId("kochkor");

  final Clock clock = Clock.fixed(Instant.parse("2025-06-02T05:00:00Z"), ZoneOffset.UTC);
  final InMemoryRecordStore records = new InMemoryRecordStore();
  final InMemoryOperations operations = new InMemoryOperations();
  final HoldingTransfer transfer = new HoldingTransfer(records);
  final RecordMerges merges = new RecordMerges(records, operations, transfer, clock);
  final HoldingMoves moves = new HoldingMoves(records, operations, transfer, clock);
  final RecordEdits edits = new RecordEdits(records);
  final RecordMatching matching = new RecordMatching(records, clock);

  static Description book(String title, String author, String isbn, int year) {
    return new Description(
        title,
        List.of(author),
        isbn == null ? null : Isbn.parse(isbn),
        year,
        "ky",
        "Бийиктик",
        Kind.BOOK);
  }

  /** A branch sends one item, as a sync batch line: matched, followed, saved. Its record id. */
  RecordId sync(BranchId branch, String itemId, Description description, int copies) {
    SyncItem.Upsert item = new SyncItem.Upsert(0, itemId, description, "84(2Ки)", copies, null);
    Map<String, RecordId> targets = matching.targets(branch, List.of(item));
    for (int attempt = 0; attempt < 5; attempt++) {
      Map<RecordId, CatalogRecord> loaded =
          new LinkedHashMap<>(records.load(List.of(targets.get(itemId))));
      matching.follow(branch, List.of(item), targets, loaded);
      RecordId target = targets.get(itemId);
      CatalogRecord record = loaded.get(target);
      if (record == null) {
        record = CatalogRecord.create(target, description);
      } else {
        record.completeWith(description);
      }
      record.upsertHolding(branch, itemId, "84(2Ки)", copies, null);
      if (records.save(List.of(record)).isEmpty()) {
        return target;
      }
    }
    throw new IllegalStateException("record busy");
  }

  /** Operations in flight, in memory. */
  static final class InMemoryOperations implements CurationOperations {
    final Map<String, CurationOperation> inFlight = new LinkedHashMap<>();

    @Override
    public synchronized boolean start(CurationOperation operation) {
      return inFlight.putIfAbsent(operation.id(), operation) == null;
    }

    @Override
    public synchronized void finish(CurationOperation operation) {
      inFlight.remove(operation.id());
    }

    @Override
    public synchronized List<CurationOperation> startedBefore(Instant before) {
      return inFlight.values().stream().filter(o -> o.startedAt().isBefore(before)).toList();
    }
  }
}
