package org.kitepkana.partnership.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.partnership.fakes.Actors.COORDINATOR;
import static org.kitepkana.partnership.fakes.Actors.OFFICER;
import static org.kitepkana.partnership.fakes.Actors.PUBLIC;
import static org.kitepkana.partnership.fakes.Actors.SUBSCRIBER;
import static org.kitepkana.partnership.fakes.Actors.librarianOf;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.common.application.Result;
import org.kitepkana.partnership.fakes.Fixtures;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.partnership.partner.application.PartnerFilter;
import org.kitepkana.partnership.partner.application.PartnerService;
import org.kitepkana.partnership.partner.application.PartnerView;
import org.kitepkana.partnership.partner.domain.AgreementTerms;
import org.kitepkana.partnership.partner.domain.Contact;
import org.kitepkana.partnership.partner.domain.Partner;
import org.kitepkana.partnership.partner.domain.PartnerChange;
import org.kitepkana.partnership.partner.domain.PartnerDetails;
import org.kitepkana.partnership.partner.domain.PartnerType;
import org.kitepkana.platform.security.Actor;

/** Who may do what with partners and agreements, and what a change publishes. */
class PartnerRulesTest {

  final Fixtures network = new Fixtures();
  final PartnerService partners =
      new PartnerService(network.partners, network.libraries, network.ids, Fixtures.CLOCK);

  static final PartnerDetails GAZETTE =
      new PartnerDetails(
          "«Нарын» гезити",
          PartnerType.MEDIA,
          "Нарын",
          List.of(new Contact("Токтогулов Азамат", "редактор", "+996 3522 5 00 00", null)),
          true);

  static <T> T done(Result<T> result) {
    assertThat(result).isInstanceOf(Result.Done.class);
    return ((Result.Done<T>) result).value();
  }

  @Test
  void onlyCoordinatorsAndOfficersRecordPartnersAndAgreements() {
    for (Actor reader : List.of(librarianOf("at-bashy"), SUBSCRIBER, PUBLIC)) {
      assertThat(partners.register(reader, GAZETTE)).isInstanceOf(Result.Forbidden.class);
      assertThat(
              partners.recordAgreement(
                  reader, network.ayilOkmotu, terms(List.of("at-bashy")), null))
          .isInstanceOf(Result.Forbidden.class);
    }
    assertThat(partners.register(COORDINATOR, GAZETTE)).isInstanceOf(Result.Done.class);
    assertThat(partners.register(OFFICER, GAZETTE)).isInstanceOf(Result.Done.class);
  }

  @Test
  void outsidersSeeThePublishedProfileAndStaffTheContacts() {
    Partner gazette = done(partners.register(OFFICER, GAZETTE));
    assertThat(done(partners.find(PUBLIC, gazette.id()))).isInstanceOf(PartnerView.Published.class);
    assertThat(done(partners.find(SUBSCRIBER, gazette.id())))
        .isInstanceOf(PartnerView.Published.class);
    assertThat(done(partners.find(librarianOf("kochkor"), gazette.id())))
        .isInstanceOf(PartnerView.Detailed.class);
    assertThat(partners.list(PUBLIC, new PartnerFilter(PartnerType.MEDIA, null, null)))
        .singleElement()
        .isInstanceOf(PartnerView.Published.class);
  }

  @Test
  void contactsAndAgreementsChangeTheVersionButPublishNothing() {
    Partner gazette = done(partners.register(OFFICER, GAZETTE));
    PartnerDetails newEditor =
        new PartnerDetails(
            GAZETTE.name(),
            GAZETTE.type(),
            GAZETTE.district(),
            List.of(new Contact("Бейшеева Нуриза", "редактор", null, "nuriza@example.kg")),
            true);
    Partner revised = done(partners.revise(OFFICER, gazette.id(), newEditor, 1L));
    var agreed =
        done(
            partners.recordAgreement(
                OFFICER, gazette.id(), terms(List.of("at-bashy", "naryn-oblast")), 2L));
    PartnerDetails closed =
        new PartnerDetails(
            GAZETTE.name(), GAZETTE.type(), GAZETTE.district(), newEditor.contacts(), false);
    Partner inactive = done(partners.revise(OFFICER, gazette.id(), closed, null));

    assertThat(revised.version()).isEqualTo(2);
    assertThat(agreed.partner().version()).isEqualTo(3);
    assertThat(inactive.version()).isEqualTo(4);
    assertThat(network.partners.changes)
        .filteredOn(c -> c.partner().id().equals(gazette.id()))
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly(
            "PartnerRegistered", "ContactsRevised", "AgreementRecorded", "ProfileRevised");
    assertThat(
            network.partners.changes.stream()
                .filter(c -> c instanceof PartnerChange.ProfileRevised)
                .map(c -> c.partner().profile().active()))
        .containsExactly(false);
  }

  @Test
  void agreementsAreSignedByKnownLibrariesOnly() {
    var unknown =
        partners.recordAgreement(
            OFFICER, network.ayilOkmotu, terms(List.of("at-bashy", "atlantis")), null);
    assertThat(unknown).isInstanceOf(Result.Invalid.class);
    assertThat(((Result.Invalid<?>) unknown).violations().get(0).field())
        .isEqualTo("libraryIds[1]");
    assertThat(network.partners.find(network.ayilOkmotu).orElseThrow().agreements()).isEmpty();
  }

  static AgreementTerms terms(List<String> libraries) {
    return new AgreementTerms(
        "№ 12/2019",
        LocalDate.of(2019, 3, 1),
        null,
        LocalDate.of(2022, 3, 1),
        "Укуктук маалымат борборун бирге жүргүзүү",
        libraries.stream().map(LibraryId::new).toList());
  }
}
