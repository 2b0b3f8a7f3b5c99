package org.kitepkana.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kitepkana.platform.testsupport.ArchitecturePredicates.infrastructure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CatalogArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.kitepkana.catalog");

  @Test
  void domainPackagesExistAndImportNoFrameworkOrInfrastructure() {
    assertThat(CLASSES.stream().filter(c -> c.getPackageName().endsWith(".domain")).count())
        .as("domain classes checked")
        .isGreaterThan(10);
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat(infrastructure())
        .check(CLASSES);
  }

  @Test
  void applicationServicesDoNotReachIntoAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..adapter..", "com.mongodb..", "org.apache.kafka..")
        .check(CLASSES);
  }
}
