package org.kitepkana.catalog.marc.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.record.domain.CatalogRecord;
import org.kitepkana.catalog.record.domain.Description;
import org.kitepkana.catalog.record.domain.Isbn;
import org.kitepkana.catalog.record.domain.Kind;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.catalog.sync.application.RecordMatching;
import org.kitepkana.catalog.sync.domain.SyncItem;

class ChunkApplierTest {

  private static final BranchId BRANCH = new BranchId("naryn-central");
  private static final BranchId OTHER = new BranchId("at-bashy");

  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T05:00:00Z"), ZoneOffset.UTC);
  private final Store store = new Store();
  private final ChunkApplier applier = new ChunkApplier(store, new RecordMatching(store, clock));

  @Test
  void newRecordsAreInsertedWithoutReadingThemFirst() {
    Map<String, ChunkApplier.Applied> results = new HashMap<>();
    applier.apply(
        BRANCH,
        List.of(
            upsert(0, "item-1", book("Жамиля", "9785000000014")),
            upsert(1, "item-2", book("Ак кеме", "9785000000021")),
            upsert(2, "item-3", book("Жамиля", "9785000000014"))),
        results);

    assertThat(results.values()).allMatch(ChunkApplier.Done.class::isInstance);
    RecordId jamila = ((ChunkApplier.Done) results.get("item-1")).recordId();
    assertThat(((ChunkApplier.Done) results.get("item-3")).recordId()).isEqualTo(jamila);
    assertThat(store.records).hasSize(2);
    assertThat(store.records.get(jamila).holdings()).hasSize(2);
    assertThat(store.loaded).as("ids read back before the insert").isEmpty();

    // Applying the chunk again finds everything by its locators and changes nothing.
    Map<String, ChunkApplier.Applied> again = new HashMap<>();
    applier.apply(BRANCH, List.of(upsert(0, "item-1", book("Жамиля", "9785000000014"))), again);
    assertThat(again.get("item-1")).isEqualTo(new ChunkApplier.Done(jamila, false, false));
    assertThat(store.loaded).containsExactly(jamila);
  }

  @Test
  void aRecordAnotherWriterCreatedUnderTheClaimedIdMeanwhileIsReloadedAndJoined() {
    // Right after this chunk claims the book's keys, another branch that read the claimed key
    // creates the record under the very id this chunk made up.
    store.afterLocators =
        id -> {
          CatalogRecord theirs = CatalogRecord.create(id, book("Жамиля", "9785000000014"));
          theirs.upsertHolding(OTHER, "their-item", null, 1, null);
          store.save(List.of(theirs));
        };
    Map<String, ChunkApplier.Applied> results = new HashMap<>();
    applier.apply(BRANCH, List.of(upsert(0, "item-1", book("Жамиля", "9785000000014"))), results);

    ChunkApplier.Done done = (ChunkApplier.Done) results.get("item-1");
    assertThat(done.createdRecord()).isFalse();
    assertThat(store.records).hasSize(1);
    assertThat(store.records.get(done.recordId()).holdings())
        .extracting(h -> h.itemId())
        .containsExactlyInAnyOrder("their-item", "item-1");
    assertThat(store.loaded)
        .as("read only after the insert met it")
        .containsExactly(done.recordId());
  }

  @Test
  void editionsOfOneWorkWithTheirOwnIsbnsStaySeparateRecords() {
    // Same title, author and year (one match key), two ISBNs: two editions, in one chunk or two.
    Map<String, ChunkApplier.Applied> results = new HashMap<>();
    applier.apply(
        BRANCH,
        List.of(
            upsert(0, "item-1", book("Жамиля", "9785000000014")),
            upsert(1, "item-2", book("Жамиля", "9785000000021"))),
        results);
    applier.apply(BRANCH, List.of(upsert(0, "item-3", book("Жамиля", "9785000000038"))), results);

    assertThat(store.records).hasSize(3);
    assertThat(results.values())
        .extracting(a -> ((ChunkApplier.Done) a).createdRecord())
        .containsOnly(true);
  }

  @Test
  void anItemWithAnIsbnJoinsTheWorksRecordWithoutOneWhichThenKeepsThatIsbn() {
    Map<String, ChunkApplier.Applied> results = new HashMap<>();
    applier.apply(BRANCH, List.of(upsert(0, "no-isbn", book("Жамиля", null))), results);
    applier.apply(
        OTHER,
        List.of(
            upsert(0, "with-isbn", book("Жамиля", "9785000000014")),
            upsert(1, "other-edition", book("Жамиля", "9785000000021"))),
        results);
    applier.apply(BRANCH, List.of(upsert(0, "no-isbn-again", book("Жамиля", null))), results);

    RecordId work = ((ChunkApplier.Done) results.get("no-isbn")).recordId();
    assertThat(((ChunkApplier.Done) results.get("with-isbn")).recordId()).isEqualTo(work);
    assertThat(store.records.get(work).description().isbn()).isEqualTo(Isbn.parse("9785000000014"));
    assertThat(((ChunkApplier.Done) results.get("other-edition")).recordId()).isNotEqualTo(work);
    assertThat(((ChunkApplier.Done) results.get("no-isbn-again")).recordId()).isEqualTo(work);
    assertThat(store.records).hasSize(2);
  }

  private static SyncItem.Upsert upsert(int index, String itemId, Description description) {
    return new SyncItem.Upsert(index, itemId, description, "84(2Ки)", 1, null);
  }

  private static Description book(String title, String isbn) {
    return new Description(
        title,
        List.of("Айтматов, Чыңгыз"),
        isbn == null ? null : Isbn.parse(isbn),
        1958,
        "ky",
        "Кыргызстан",
        Kind.BOOK);
  }

  /** Records, keys and locators in memory, saves conditional on the version; counts reads. */
  private static final class Store implements RecordStore {
    final Map<RecordId, CatalogRecord> records = new LinkedHashMap<>();
    final Map<String, RecordId> keys = new HashMap<>();
    final Map<String, RecordId> locators = new HashMap<>();
    final List<RecordId> loaded = new ArrayList<>();
    java.util.function.Consumer<RecordId> afterLocators = id -> {};

    @Override
    public Map<String, RecordId> locate(BranchId branch, Collection<String> itemIds) {
      Map<String, RecordId> found = new HashMap<>();
      itemIds.forEach(
          i -> {
            RecordId id = locators.get(branch.value() + "|" + i);
            if (id != null) {
              found.put(i, id);
            }
          });
      return found;
    }

    @Override
    public void addLocators(BranchId branch, Map<String, RecordId> itemToRecord) {
      itemToRecord.forEach((i, id) -> locators.putIfAbsent(branch.value() + "|" + i, id));
      Set<RecordId> targets = new HashSet<>(itemToRecord.values());
      java.util.function.Consumer<RecordId> hook = afterLocators;
      afterLocators = id -> {};
      targets.forEach(hook);
    }

    @Override
    public void repointLocator(BranchId branch, String itemId, RecordId from, RecordId to) {
      locators.put(branch.value() + "|" + itemId, to);
    }

    @Override
    public long repointKeys(RecordId from, RecordId to) {
      return 0;
    }

    @Override
    public void releaseKey(String key, RecordId owner) {
      keys.remove(key, owner);
    }

    @Override
    public Map<String, RecordId> lookupKeys(Collection<String> wanted) {
      Map<String, RecordId> found = new HashMap<>();
      wanted.forEach(
          k -> {
            if (keys.containsKey(k)) {
              found.put(k, keys.get(k));
            }
          });
      return found;
    }

    @Override
    public Map<String, RecordId> claimKeys(Map<String, RecordId> proposed) {
      Map<String, RecordId> owners = new LinkedHashMap<>();
      proposed.forEach((k, id) -> owners.put(k, keys.computeIfAbsent(k, x -> id)));
      return owners;
    }

    @Override
    public Map<RecordId, CatalogRecord> load(Collection<RecordId> ids) {
      loaded.addAll(ids);
      Map<RecordId, CatalogRecord> found = new LinkedHashMap<>();
      ids.forEach(id -> copy(id).ifPresent(r -> found.put(id, r)));
      return found;
    }

    @Override
    public Set<RecordId> save(Collection<CatalogRecord> changed) {
      Set<RecordId> conflicts = new HashSet<>();
      for (CatalogRecord r : changed) {
        CatalogRecord stored = records.get(r.id());
        if ((stored == null ? 0 : stored.version()) != r.version()) {
          conflicts.add(r.id());
          continue;
        }
        records.put(
            r.id(),
            new CatalogRecord(
                r.id(),
                r.nextVersion(),
                r.description(),
                r.matchKey(),
                r.holdings(),
                r.curation()));
      }
      return conflicts;
    }

    @Override
    public Optional<CatalogRecord> find(RecordId id) {
      return copy(id);
    }

    @Override
    public List<CatalogRecord> findByIsbn(Isbn isbn) {
      return List.of();
    }

    @Override
    public List<HeldItem> branchHoldings(BranchId branch, int page, int size) {
      return List.of();
    }

    @Override
    public long countBranchHoldings(BranchId branch) {
      return 0;
    }

    private Optional<CatalogRecord> copy(RecordId id) {
      CatalogRecord r = records.get(id);
      return r == null
          ? Optional.empty()
          : Optional.of(
              new CatalogRecord(
                  r.id(), r.version(), r.description(), r.matchKey(), r.holdings(), r.curation()));
    }
  }
}
