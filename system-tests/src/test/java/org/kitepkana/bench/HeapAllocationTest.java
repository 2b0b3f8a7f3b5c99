package org.kitepkana.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapAllocationTest {

  private static final String JSTAT_GC =
      """
          S0C         S1C         S0U         S1U          EC           EU           OC           OU \
         MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC    CGCT       GCT
          12864.0     12864.0         0.0         0.0     103360.0      57334.5     258048.0      15679.1 \
        35840.0    35401.4    4928.0    4686.4      2     0.041     2     0.151     -         -     0.192
      """;

  @Test
  void readsEdenAndCollectionsFromJstat() {
    assertThat(HeapAllocation.parse(JSTAT_GC)).isEqualTo(new HeapAllocation(103360.0, 57334.5, 4));
    assertThat(HeapAllocation.parse("12345: not found")).isNull();
  }

  @Test
  void givesNoFigureForACollectorWithoutAnEden() {
    String zgc =
        """
            S0C         S1C         S0U         S1U          EC           EU           OC            OU          MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC            CGCT       GCT
              -           -           -           -            -            -       8192.0                    0.0        0.0        0.0       0.0       0.0      -         -     -         -               0     0.000     0.000
        """;
    assertThat(HeapAllocation.parse(zgc)).isNull();
  }

  @Test
  void countsEdenFilledBetweenReadings() {
    HeapAllocation start = new HeapAllocation(1000, 300, 7);
    assertThat(start.bytesUntil(new HeapAllocation(1000, 500, 7))).isEqualTo(200 * 1024);
    // the rest of eden (700), two whole edens (2,000), then what eden holds now (100)
    assertThat(start.bytesUntil(new HeapAllocation(1000, 100, 10))).isEqualTo(2800 * 1024);
  }
}
