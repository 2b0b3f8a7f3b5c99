package org.kitepkana.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
