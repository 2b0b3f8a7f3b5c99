package org.kitepkana.catalog.legal;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.platform.testsupport.ArchitecturePredicates.infrastructure;
import static org.kitepkana.platform.testsupport.ArchitecturePredicates.platformKitButItsIds;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The databank keeps MongoDB, Kafka, Spring and Jackson out of its domain and application, and its
 * domain off the platform kit but for its plain-Java ids.
 */
class LegalArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.kitepkana.catalog.legal");

  @Test
  void theLayersExistAndOnlyAdaptersKnowTheInfrastructure() {
    assertThat(CLASSES.stream().filter(c -> c.getPackageName().endsWith("legal.domain")).count())
        .as("domain classes checked")
        .isGreaterThan(10);
    assertThat(
            CLASSES.stream().filter(c -> c.getPackageName().endsWith("legal.application")).count())
        .as("application classes checked")
        .isGreaterThan(5);
    noClasses()
        .that()
        .resideInAnyPackage("..legal.domain..", "..legal.application..")
        .should()
        .dependOnClassesThat(infrastructure().or(resideInAPackage("..adapter..")))
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("..legal.domain..")
        .should()
        .dependOnClassesThat(resideInAPackage("..legal.application..").or(platformKitButItsIds()))
        .check(CLASSES);
  }
}
