package org.kitepkana.catalog.legal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kitepkana.catalog.branch.domain.BranchId;
import org.kitepkana.catalog.legal.domain.ActStatus;
import org.kitepkana.catalog.legal.domain.BodyType;
import org.kitepkana.catalog.legal.domain.LegalAct;
import org.kitepkana.catalog.legal.domain.LegalActChange;
import org.kitepkana.catalog.legal.domain.LegalActDetails;
import org.kitepkana.catalog.legal.domain.LegalActFixture;
import org.kitepkana.catalog.legal.domain.LegalActId;
import org.kitepkana.catalog.legal.domain.LegalActQuery;
import org.kitepkana.catalog.legal.domain.SearchableLegalAct;
import org.kitepkana.catalog.record.domain.RecordId;
import org.kitepkana.platform.security.Actor;

/** Who may do what in the databank, with explicit actors, and the rules around the store. */
class LegalActsTest {

  private static final Actor COORDINATOR = Actor.coordinator("aizada");
  private static final Actor KARA_SUU_LIBRARIAN = Actor.librarian("kara-suu", "gulnara");
  private static final Actor OTTUK_LIBRARIAN = Actor.librarian("ottuk", "bakyt");
  private static final Actor OFFICER = Actor.partnershipOfficer("nurlan");
  private static final Actor PORTAL = Actor.subscriber("portal");
  private static final Actor PUBLIC = Actor.anonymous();

  private static final RecordId COPY = new RecordId("01JQ8ZK4M6T3W9XR2B7C5D1E0F");
  private static final RecordId SURVIVOR = new RecordId("01JQ8ZK4M6T3W9XR2B7C5D1E0H");
  private static final RecordId LAST_SURVIVOR = new RecordId("01JQ8ZK4M6T3W9XR2B7C5D1E0J");

  private final InMemoryLegalActs store = new InMemoryLegalActs();

  /** The union catalogue: the records it has, and which record a coordinator merged into which. */
  private final Set<RecordId> catalogue = Set.of(COPY, SURVIVOR, LAST_SURVIVOR);

  private final Map<RecordId, RecordId> mergedInto = new HashMap<>();

  private final Set<String> branches = Set.of("kara-suu", "ottuk", "naryn-oblast");
  private final LegalActs acts =
      new LegalActs(
          store,
          b -> branches.contains(b.value()),
          this::currentRecord,
          Clock.fixed(LegalActFixture.NOW, ZoneOffset.UTC));

  @Test
  void aCoordinatorAndTheKeepingBranchsLibrarianRegisterActsOthersMayNot() {
    assertThat(acts.register(COORDINATOR, LegalActFixture.pastureResolution()))
        .isInstanceOf(LegalActResult.Done.class);
    assertThat(acts.register(KARA_SUU_LIBRARIAN, act("46")))
        .isInstanceOf(LegalActResult.Done.class);

    for (Actor refused : new Actor[] {OTTUK_LIBRARIAN, OFFICER, PORTAL, PUBLIC}) {
      assertThat(acts.register(refused, act("47")))
          .as(refused.role().name())
          .isInstanceOfSatisfying(
              LegalActResult.Forbidden.class, f -> assertThat(f.reason()).contains("kara-suu"));
    }
    assertThat(store.acts).hasSize(2);
  }

  @Test
  void onlyTheKeepersChangeStatusAndCorrectAndOnlyACoordinatorRetracts() {
    LegalAct act = done(acts.register(COORDINATOR, LegalActFixture.pastureResolution()));
    StatusChangeCommand amend =
        new StatusChangeCommand(
            ActStatus.AMENDED, LocalDate.of(2025, 2, 1), null, "12/1", null, act.version());

    assertThat(acts.changeStatus(OTTUK_LIBRARIAN, act.id(), amend))
        .isInstanceOf(LegalActResult.Forbidden.class);
    assertThat(acts.changeStatus(PUBLIC, act.id(), amend))
        .isInstanceOf(LegalActResult.Forbidden.class);
    LegalAct amended = done(acts.changeStatus(KARA_SUU_LIBRARIAN, act.id(), amend));

    assertThat(acts.correct(OFFICER, act.id(), act("45/3"), amended.version(), null))
        .isInstanceOf(LegalActResult.Forbidden.class);
    assertThat(acts.retractLatestStatusChange(KARA_SUU_LIBRARIAN, act.id(), amended.version(), "x"))
        .isInstanceOf(LegalActResult.Forbidden.class);
    LegalAct retracted =
        done(acts.retractLatestStatusChange(COORDINATOR, act.id(), amended.version(), "mistake"));
    assertThat(retracted.status()).isEqualTo(ActStatus.IN_FORCE);
  }

  @Test
  void movingAnActToAnotherBranchNeedsTheRightToManageBoth() {
    LegalAct act = done(acts.register(COORDINATOR, LegalActFixture.pastureResolution()));
    LegalActDetails toOttuk = act("45/3", "ottuk");

    assertThat(acts.correct(KARA_SUU_LIBRARIAN, act.id(), toOttuk, 1, null))
        .isInstanceOfSatisfying(
            LegalActResult.Forbidden.class, f -> assertThat(f.reason()).contains("ottuk"));
    assertThat(acts.correct(OTTUK_LIBRARIAN, act.id(), toOttuk, 1, null))
        .isInstanceOfSatisfying(
            LegalActResult.Forbidden.class, f -> assertThat(f.reason()).contains("kara-suu"));
    assertThat(done(acts.correct(COORDINATOR, act.id(), toOttuk, 1, "moved")).details().branchId())
        .isEqualTo(new BranchId("ottuk"));
  }

  @Test
  void theSameActTwiceIsADuplicateNamingTheFirst() {
    LegalAct first = done(acts.register(COORDINATOR, LegalActFixture.pastureResolution()));

    assertThat(
            acts.register(
                COORDINATOR,
                LegalActFixture.details(
                    "№ 45-3", BodyType.LOCAL_KENESH, "Kara-Suu aiyldyk keneshi", "kara-suu")))
        .isEqualTo(new LegalActResult.Duplicate(first));
    LegalAct other = done(acts.register(COORDINATOR, act("46")));
    assertThat(acts.correct(COORDINATOR, other.id(), act("45/3"), other.version(), null))
        .isEqualTo(new LegalActResult.Duplicate(first));
  }

  @Test
  void referencesAreCheckedAndVersionsGuardEveryChange() {
    assertThat(acts.register(COORDINATOR, act("1", "nowhere")))
        .isInstanceOfSatisfying(
            LegalActResult.Invalid.class, i -> assertThat(i.field()).isEqualTo("branchId"));
    LegalActDetails withRecord = withRecord(act("2"), new RecordId("01JQ8ZK4M6T3W9XR2B7C5D1E0G"));
    assertThat(acts.register(COORDINATOR, withRecord))
        .isInstanceOfSatisfying(
            LegalActResult.Invalid.class, i -> assertThat(i.field()).isEqualTo("recordId"));

    LegalAct act = done(acts.register(COORDINATOR, act("3")));
    assertThat(
            acts.changeStatus(
                COORDINATOR,
                act.id(),
                new StatusChangeCommand(
                    ActStatus.REPEALED, LocalDate.of(2025, 2, 1), null, "9", null, 7)))
        .isEqualTo(new LegalActResult.VersionConflict(1));
    assertThat(
            acts.changeStatus(
                COORDINATOR,
                act.id(),
                new StatusChangeCommand(
                    ActStatus.REPEALED,
                    LocalDate.of(2025, 2, 1),
                    LegalActId.newId(LegalActFixture.NOW),
                    null,
                    null,
                    1)))
        .isInstanceOfSatisfying(
            LegalActResult.Invalid.class, i -> assertThat(i.field()).isEqualTo("byActId"));
    assertThat(acts.changeStatus(COORDINATOR, LegalActId.newId(LegalActFixture.NOW), null))
        .isInstanceOf(LegalActResult.NotFound.class);
  }

  @Test
  void aRepealingActInTheDatabankLendsItsNumberAndEveryChangeIsPublished() {
    LegalAct repealed = done(acts.register(COORDINATOR, act("3")));
    LegalAct repealing = done(acts.register(COORDINATOR, act("30/2")));

    LegalAct after =
        done(
            acts.changeStatus(
                KARA_SUU_LIBRARIAN,
                repealed.id(),
                new StatusChangeCommand(
                    ActStatus.REPEALED, LocalDate.of(2025, 3, 1), repealing.id(), null, null, 1)));

    assertThat(after.latest().byActNumber()).isEqualTo("30/2");
    assertThat(after.latest().byActId()).isEqualTo(repealing.id());
    assertThat(store.published)
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly("LegalActRegistered", "LegalActRegistered", "LegalActStatusChanged");
    assertThat(store.published.get(2)).isEqualTo(new LegalActChange.LegalActStatusChanged(after));
    assertThat(acts.search(LegalActQuery.all(), 0, 1).total()).isEqualTo(2);
    assertThat(acts.search(LegalActQuery.all(), 1, 1).items()).hasSize(1);
  }

  @Test
  void anActsPrintedCopyFollowsTheMergesOfItsRecord() {
    LegalAct act = done(acts.register(COORDINATOR, withRecord(act("45/3"), COPY)));

    mergedInto.put(COPY, SURVIVOR);

    LegalAct read = acts.find(act.id()).orElseThrow();
    assertThat(read.details().recordId()).isEqualTo(SURVIVOR);
    assertThat(read.version()).isEqualTo(act.version());
    assertThat(read.details().differences(act.details())).containsExactly("recordId");
    assertThat(acts.search(LegalActQuery.all(), 0, 10).items())
        .singleElement()
        .satisfies(
            found -> {
              assertThat(found.act().details().recordId()).isEqualTo(SURVIVOR);
              assertThat(found.words()).isEqualTo(SearchableLegalAct.of(act).words());
            });
    assertThat(store.acts.get(act.id()).details().recordId())
        .as("the stored act is not rewritten by a read")
        .isEqualTo(COPY);

    mergedInto.put(SURVIVOR, LAST_SURVIVOR);

    assertThat(acts.find(act.id()).orElseThrow().details().recordId()).isEqualTo(LAST_SURVIVOR);
    LegalAct amended =
        done(
            acts.changeStatus(
                KARA_SUU_LIBRARIAN,
                act.id(),
                new StatusChangeCommand(
                    ActStatus.AMENDED, LocalDate.of(2025, 2, 1), null, "12/1", null, 1)));
    assertThat(amended.details().recordId()).isEqualTo(LAST_SURVIVOR);
    LegalAct registered = done(acts.register(COORDINATOR, withRecord(act("46"), COPY)));
    assertThat(registered.details().recordId()).isEqualTo(LAST_SURVIVOR);
    assertThat(store.acts.get(registered.id()).details().recordId()).isEqualTo(LAST_SURVIVOR);
    LegalAct corrected =
        done(
            acts.correct(
                COORDINATOR, act.id(), withRecord(act("45/3"), SURVIVOR), amended.version(), null));
    assertThat(store.acts.get(corrected.id()).details().recordId()).isEqualTo(LAST_SURVIVOR);
  }

  @Test
  void anActWithoutPrintedCopyOrWithACopyTheCatalogueLostIsShownAsStored() {
    LegalAct without = done(acts.register(COORDINATOR, act("45/3")));
    LegalAct with = done(acts.register(COORDINATOR, withRecord(act("46"), COPY)));
    RecordId lost = new RecordId("01JQ8ZK4M6T3W9XR2B7C5D1E0K");
    mergedInto.put(COPY, lost);

    assertThat(acts.find(without.id())).contains(without);
    assertThat(acts.find(with.id())).contains(with);
  }

  /** Where a record lives now in {@link #catalogue}: merges followed, empty for an unknown one. */
  private Optional<RecordId> currentRecord(RecordId record) {
    RecordId at = record;
    while (mergedInto.containsKey(at)) {
      at = mergedInto.get(at);
    }
    return catalogue.contains(at) ? Optional.of(at) : Optional.empty();
  }

  private static LegalAct done(LegalActResult result) {
    assertThat(result).isInstanceOf(LegalActResult.Done.class);
    return ((LegalActResult.Done) result).act();
  }

  private static LegalActDetails act(String number) {
    return act(number, "kara-suu");
  }

  private static LegalActDetails act(String number, String branch) {
    return LegalActFixture.details(
        number, BodyType.LOCAL_KENESH, "Кара-Суу айылдык кеңеши", branch);
  }

  private static LegalActDetails withRecord(LegalActDetails d, RecordId record) {
    return new LegalActDetails(
        d.number(),
        d.title(),
        d.kind(),
        d.adoptedOn(),
        d.effectiveFrom(),
        d.issuingBody(),
        d.branchId(),
        d.subjects(),
        d.text(),
        d.publicationUrl(),
        record);
  }
}
