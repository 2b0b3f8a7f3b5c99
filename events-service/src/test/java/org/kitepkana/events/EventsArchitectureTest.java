package org.kitepkana.events;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.platform.testsupport.ArchitecturePredicates.infrastructure;
import static org.kitepkana.platform.testsupport.ArchitecturePredicates.platformKitButItsIds;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EventsArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.kitepkana.events");

  @Test
  void domainPackagesExistAndImportNoFrameworkOrInfrastructure() {
    assertThat(CLASSES.stream().filter(c -> c.getPackageName().endsWith(".domain")).count())
        .as("domain classes checked")
        .isGreaterThan(25);
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat(
            infrastructure().or(resideInAPackage("net.fortuna..")).or(platformKitButItsIds()))
        .check(CLASSES);
  }

  @Test
  void applicationServicesDoNotReachIntoAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..adapter..",
            "com.mongodb..",
            "org.bson..",
            "org.apache.kafka..",
            "net.fortuna..",
            "org.springframework..")
        .check(CLASSES);
  }

  @Test
  void registrationsAndTheirPersonalDataStayOutOfTheKafkaAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..adapter.out.kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.kitepkana.events.registration..")
        .check(CLASSES);
  }
}
