package org.kitepkana.catalog.marc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** MARC import keeps marc4j, MongoDB and Spring out of its domain and application layers. */
class MarcArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.kitepkana.catalog.marc");

  @Test
  void theLayersExistAndOnlyAdaptersKnowMarc4jMongoOrSpring() {
    assertThat(CLASSES.stream().filter(c -> c.getPackageName().endsWith("marc.domain")).count())
        .as("domain classes checked")
        .isGreaterThan(8);
    assertThat(
            CLASSES.stream().filter(c -> c.getPackageName().endsWith("marc.application")).count())
        .as("application classes checked")
        .isGreaterThan(8);
    noClasses()
        .that()
        .resideInAnyPackage("..marc.domain..", "..marc.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.marc4j..",
            "org.springframework..",
            "com.mongodb..",
            "org.bson..",
            "tools.jackson..",
            "..adapter..")
        .check(CLASSES);
  }
}
