package org.kitepkana.partnership.outcome.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.outcome.domain.LibraryEventState;
import tools.jackson.databind.json.JsonMapper;

/** Reads library events in the shape agreed in docs/topics.md. */
class ScheduleListenerParseTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void readsTheAgreedShape() {
    LibraryEventState state =
        ScheduleListener.parse(
            JSON.readTree(
                """
                {"eventId": "01JQ9A7K2M4N6P8R0S2T4V6W8X", "version": 3, "status": "COMPLETED",
                 "title": {"ky": "Укуктук сабаттуулук күнү", "ru": "День правовой грамотности", "en": null},
                 "type": "LEGAL_CONSULTATION", "audience": "ADULTS", "branchId": "at-bashy",
                 "room": "окуу залы", "start": "2026-12-10T14:00:00+06:00",
                 "end": "2026-12-10T16:00:00+06:00", "capacity": 40, "registrationRequired": true,
                 "partnerIds": [], "projectId": "01JQ9A3C5D7E9F1G3H5J7K9M1N", "campaignId": null,
                 "registered": 38, "waitlisted": 4,
                 "attendance": {"registeredAttended": 31, "walkIns": 12, "total": 43}}
                """));
    assertThat(state.eventId()).isEqualTo("01JQ9A7K2M4N6P8R0S2T4V6W8X");
    assertThat(state.version()).isEqualTo(3);
    assertThat(state.isHeld()).isTrue();
    assertThat(state.attendance()).isEqualTo(43);
    assertThat(state.walkIns()).isEqualTo(12);
    assertThat(state.title()).isEqualTo("Укуктук сабаттуулук күнү");
    assertThat(state.projectId()).isEqualTo("01JQ9A3C5D7E9F1G3H5J7K9M1N");
  }

  @Test
  void anEventWithoutAttendanceOrProjectIsFine() {
    LibraryEventState state =
        ScheduleListener.parse(
            JSON.readTree(
                """
                {"eventId": "e-1", "version": 1, "status": "SCHEDULED",
                 "title": {"ky": null, "ru": "Выставка", "en": null},
                 "projectId": null, "attendance": null}
                """));
    assertThat(state.projectId()).isNull();
    assertThat(state.attendance()).isNull();
    assertThat(state.title()).isEqualTo("Выставка");
  }

  @Test
  void somethingThatIsNotALibraryEventIsRefused() {
    assertThatThrownBy(() -> ScheduleListener.parse(JSON.readTree("{\"version\": 1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventId");
    assertThatThrownBy(
            () ->
                ScheduleListener.parse(
                    JSON.readTree(
                        "{\"eventId\": \"e\", \"version\": 2, \"status\": \"COMPLETED\","
                            + " \"attendance\": {\"total\": -4}}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
