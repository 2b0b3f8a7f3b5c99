package org.kitepkana.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kitepkana.bench.GatewayBenchmark.Step;

class GatewayBenchmarkTest {

  @Test
  void theFigureOfSeveralStepUpsIsARateOneOfThemReached() {
    assertThat(GatewayBenchmark.median(List.of(2000))).isEqualTo(2000);
    assertThat(GatewayBenchmark.median(List.of(2500, 1250, 2000))).isEqualTo(2000);
    assertThat(GatewayBenchmark.median(List.of(3000, 1500, 2000, 2500))).isEqualTo(2000);
  }

  @Test
  void latencyMediansOfAnEvenNumberOfRunsAreTheMeanOfTheMiddleTwo() {
    assertThat(GatewayBenchmark.medianOf(List.of(4.0, 1.0, 9.0))).isEqualTo(4.0);
    assertThat(GatewayBenchmark.medianOf(List.of(4.0, 1.0, 9.0, 2.0))).isEqualTo(3.0);
  }

  @Test
  void aRunWhoseLoadGeneratorFellBehindIsRunAgainAtMostTwice() {
    GatewayBenchmark bench = new GatewayBenchmark(Map.of());
    Step stalled = step(2000, 25_000);
    Step clean = step(2000, 3_000);

    Iterator<Step> stallOnce = List.of(stalled, clean).iterator();
    assertThat(bench.measured("gateway", stallOnce::next)).isEqualTo(clean);

    Iterator<Step> stallAlways = List.of(stalled, stalled, stalled, clean).iterator();
    assertThat(bench.measured("gateway", stallAlways::next)).isEqualTo(stalled);
    assertThat(stallAlways.next()).as("never run a fourth time").isEqualTo(clean);

    Iterator<Step> slowTarget = List.of(step(500_000, 5_000), clean).iterator();
    assertThat(bench.measured("gateway", slowTarget::next))
        .as("a target too slow for the rate is its own fault, not the generator's")
        .isEqualTo(step(500_000, 5_000));
  }

  private static Step step(long p99Micros, long generatorLagMicros) {
    return new Step(1000, 5, 5000, 5000, 0, 0, 900, p99Micros, p99Micros, generatorLagMicros, 1000);
  }
}
