package org.kitepkana.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TraceParentTest {

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void readsTheTraceIdAndTheParentSpanIdOfAW3cTraceparent() {
    TraceParent trace = new TraceParent(TRACEPARENT, "kitepkana=t61rcWkgMzE");

    assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(trace.parentId()).isEqualTo("00f067aa0ba902b7");
    assertThat(trace.tracestate()).isEqualTo("kitepkana=t61rcWkgMzE");
  }

  @Test
  void treatsABlankTracestateAsNone() {
    assertThat(new TraceParent(TRACEPARENT, " ").tracestate()).isNull();
  }

  @Test
  void refusesWhatIsNoValidTraceparent() {
    for (String bad :
        new String[] {
          "",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
          "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
          "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
          "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        }) {
      assertThatIllegalArgumentException().as(bad).isThrownBy(() -> TraceParent.of(bad));
    }
  }

  @Test
  void parsesHeaderValuesLenientlyIntoNothingWhenTheyAreMissingOrMalformed() {
    assertThat(TraceParent.parse(null, null)).isEmpty();
    assertThat(TraceParent.parse("not-a-trace", "a=b")).isEmpty();
    assertThat(TraceParent.parse(" " + TRACEPARENT + " ", null))
        .contains(TraceParent.of(TRACEPARENT));
  }
}
