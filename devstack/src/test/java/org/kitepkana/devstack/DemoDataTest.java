package org.kitepkana.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  private final DemoData data = DemoData.load();

  @Test
  void theRegionHasARegionalLibraryAndTheExpectedKindsOfBranches() {
    List<DemoData.Branch> branches = data.branches();

    assertThat(branches).hasSizeGreaterThanOrEqualTo(9);
    DemoData.Branch root = branches.get(0);
    assertThat(root.id()).isEqualTo("naryn-oblast");
    assertThat(root.type()).isEqualTo("REGIONAL");
    assertThat(root.parentId()).isNull();
    assertThat(root.district()).isEqualTo("Нарын");
    assertThat(branches.stream().map(DemoData.Branch::type).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("REGIONAL", "CITY", "DISTRICT", "CHILDREN", "VILLAGE");
    assertThat(branches.stream().map(DemoData.Branch::district))
        .contains("Ат-Башы", "Кочкор", "Жумгал", "Ак-Талаа", "Нарын");
  }

  @Test
  void everyBranchIsComplete() {
    for (DemoData.Branch b : data.branches()) {
      assertThat(b.id()).as("id").matches("[a-z0-9-]{2,40}");
      assertThat(b.name()).as(b.id() + " name").isNotBlank();
      assertThat(b.district()).as(b.id() + " district").isNotBlank();
      assertThat(b.address()).as(b.id() + " address").isNotBlank();
      assertThat(b.languages()).as(b.id() + " languages").containsExactly("ky", "ru");
    }
  }

  @Test
  void everyParentIdRefersToAnEarlierBranch() {
    Set<String> seen = new HashSet<>();
    for (DemoData.Branch b : data.branches()) {
      assertThat(seen).as("ids are unique").doesNotContain(b.id());
      if (b.parentId() != null) {
        assertThat(seen)
            .as(b.id() + " parent " + b.parentId() + " comes first")
            .contains(b.parentId());
      } else {
        assertThat(b.type()).isEqualTo("REGIONAL");
      }
      seen.add(b.id());
    }
  }

  @Test
  void everyBranchHasAValidSyncBatch() {
    assertThat(data.holdings().keySet())
        .containsExactlyElementsOf(data.branches().stream().map(DemoData.Branch::id).toList());
    for (var entry : data.holdings().entrySet()) {
      String branch = entry.getKey();
      List<DemoData.Item> items = entry.getValue().items();
      assertThat(items).as(branch).hasSizeBetween(1, 1000);
      assertThat(DemoData.batchId(branch)).matches("[A-Za-z0-9._-]{1,64}");
      assertThat(items.stream().map(DemoData.Item::itemId).distinct().count())
          .as(branch + " item ids are unique")
          .isEqualTo(items.size());
      for (DemoData.Item item : items) {
        assertThat(item.op()).isEqualTo("UPSERT");
        assertThat(item.itemId()).isNotBlank();
        assertThat(item.callNumber()).isNotBlank();
        assertThat(item.copies()).isPositive();
        assertThat(item.location()).isNotBlank();
        DemoData.Description d = item.description();
        assertThat(d.title()).isNotBlank();
        assertThat(d.authors()).isNotEmpty();
        assertThat(d.year()).isBetween(1900, 2026);
        assertThat(d.language()).isIn("ky", "ru");
        assertThat(d.publisher()).isNotBlank();
        assertThat(d.kind()).isEqualTo("BOOK");
      }
    }
  }

  @Test
  void everyIsbnHasAValidCheckDigit() {
    assertThat(data.isbns()).hasSizeGreaterThan(40);
    for (String isbn : data.isbns()) {
      assertThat(DemoData.isValidIsbn(isbn)).as(isbn).isTrue();
    }
  }

  @Test
  void isbnValidationCatchesBadCheckDigits() {
    assertThat(DemoData.isValidIsbn("978-0-306-40615-7")).isTrue();
    assertThat(DemoData.isValidIsbn("978-0-306-40615-6")).isFalse();
    assertThat(DemoData.isValidIsbn("0-306-40615-2")).isTrue();
    assertThat(DemoData.isValidIsbn("0-306-40615-3")).isFalse();
    assertThat(DemoData.isValidIsbn("0-8044-2957-X")).isTrue();
    assertThat(DemoData.isValidIsbn("978-abc")).isFalse();
  }

  @Test
  void theUnionCatalogueHasSomethingToMatch() {
    Map<String, Set<String>> branchesByIsbn13 = new HashMap<>();
    Map<String, Set<String>> branchesWithoutIsbn = new HashMap<>();
    data.holdings()
        .forEach(
            (branch, batch) ->
                batch.items().stream()
                    .map(DemoData.Item::description)
                    .forEach(
                        d -> {
                          if (d.isbn() != null) {
                            branchesByIsbn13
                                .computeIfAbsent(toIsbn13(d.isbn()), k -> new HashSet<>())
                                .add(branch);
                          } else {
                            branchesWithoutIsbn
                                .computeIfAbsent(
                                    d.title() + "|" + d.authors() + "|" + d.year(),
                                    k -> new HashSet<>())
                                .add(branch);
                          }
                        }));

    // the same ISBN in several branches (Жамийла is almost everywhere)
    assertThat(branchesByIsbn13.values().stream().filter(s -> s.size() >= 3).count())
        .isGreaterThanOrEqualTo(5);
    // an ISBN-10 in one branch and its ISBN-13 in another
    assertThat(data.isbns().stream().anyMatch(i -> i.replace("-", "").length() == 10)).isTrue();
    // the same title/author/year without an ISBN in several branches
    assertThat(branchesWithoutIsbn.get("Сынган кылыч|[Касымбеков, Тологон]|1989"))
        .hasSizeGreaterThan(3);
    assertThat(
            branchesWithoutIsbn.get(
                "Жергиликтүү өз алдынча башкаруу жөнүндө мыйзам|[Кыргыз Республикасы]|2021"))
        .hasSize(data.branches().size() - 1); // all but the children's library
    // Kyrgyz and Russian
    assertThat(data.itemCount()).isGreaterThan(60);
  }

  private static String toIsbn13(String isbn) {
    String s = isbn.replace("-", "");
    if (s.length() == 13) {
      return s;
    }
    String body = "978" + s.substring(0, 9);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return body + (10 - sum % 10) % 10;
  }
}
