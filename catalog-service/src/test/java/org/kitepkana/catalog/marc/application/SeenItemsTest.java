package org.kitepkana.catalog.marc.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenItemsTest {

  @Test
  void remembersTheFirstRecordOfEachKeyThroughManyGrowths() {
    SeenItems seen = new SeenItems();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.putIfAbsent("cn-" + i, i * 31L, i + 1)).isNull();
    }

    assertThat(seen.size()).isEqualTo(100_000);
    assertThat(seen.putIfAbsent("cn-4242", 0, 200_000))
        .isEqualTo(new SeenItems.First(4242 * 31L, 4243));
    assertThat(seen.putIfAbsent("cn-100000", 7, 200_001)).isNull();
  }
}
