package org.kitepkana.events.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kitepkana.events.fakes.Fixtures;
import org.kitepkana.events.fakes.Programme;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.CampaignId;
import org.kitepkana.events.shared.domain.LocalizedText;

class CampaignTest {

  static final BranchId AT_BASHY = new BranchId("at-bashy");
  static final BranchId KOCHKOR = new BranchId("kochkor");

  Campaign planned() {
    return Campaign.plan(
            new CampaignId("01JQ9A5C3D7E9F1G3H5J7K9M1N"),
            Fixtures.legalLiteracyWeek("at-bashy", "kochkor"),
            Programme.NOW)
        .after();
  }

  static Campaign after(Campaign.Outcome o) {
    assertThat(o).isInstanceOf(Campaign.Outcome.Changed.class);
    return ((Campaign.Outcome.Changed) o).after();
  }

  @Test
  void invitedBranchesConfirmOrDeclineAndMayChangeTheirMind() {
    Campaign c = after(planned().answer(AT_BASHY, Campaign.Answer.CONFIRMED, Programme.NOW));
    assertThat(c.answerOf(AT_BASHY)).isEqualTo(Campaign.Answer.CONFIRMED);
    assertThat(c.answerOf(KOCHKOR)).isNull();
    assertThat(c.answer(AT_BASHY, Campaign.Answer.CONFIRMED, Programme.NOW))
        .isInstanceOf(Campaign.Outcome.Refused.class);
    Campaign changed = after(c.answer(AT_BASHY, Campaign.Answer.DECLINED, Programme.NOW));
    assertThat(changed.confirmed()).isEmpty();
    assertThat(changed.declined()).containsExactly(AT_BASHY);
    assertThat(changed.version()).isEqualTo(3);
    assertThat(c.answer(new BranchId("naryn-oblast"), Campaign.Answer.CONFIRMED, Programme.NOW))
        .isInstanceOf(Campaign.Outcome.Refused.class);
  }

  @Test
  void branchesNoLongerInvitedLoseTheirAnswer() {
    Campaign c = after(planned().answer(KOCHKOR, Campaign.Answer.CONFIRMED, Programme.NOW));
    Campaign revised = after(c.revise(Fixtures.legalLiteracyWeek("at-bashy"), Programme.NOW));
    assertThat(revised.confirmed()).isEmpty();
    assertThat(revised.details().invited()).containsExactly(AT_BASHY);
  }

  @Test
  void detailsAreValidated() {
    LocalizedText title = new LocalizedText(null, "Неделя", null);
    LocalDate day = LocalDate.of(2026, 12, 7);
    assertThatThrownBy(
            () -> new CampaignDetails(title, "x", day, day.minusDays(1), Set.of(AT_BASHY)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CampaignDetails(title, "x", day, day, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new CampaignDetails(title, "x", day, day, Set.of(AT_BASHY)).covers(day)).isTrue();
  }
}
