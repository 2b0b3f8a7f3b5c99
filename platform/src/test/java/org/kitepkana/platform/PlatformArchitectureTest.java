package org.kitepkana.platform;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Package rules of the platform kit's production code. */
class PlatformArchitectureTest {

  private static JavaClasses platform;

  @BeforeAll
  static void importProductionClasses() {
    platform =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kitepkana.platform");
  }

  /**
   * The envelope is plain data: any code, a Spring service or a plain tool, can make and read it
   * without pulling in Spring or a Kafka client.
   */
  private static ArchRule freeOfSpringAndKafka(String packagePattern) {
    return noClasses()
        .that()
        .resideInAPackage(packagePattern)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..")
        .allowEmptyShould(false);
  }

  @Test
  void theEventsPackageDependsOnNeitherSpringNorKafka() {
    assertThat(platform.that(resideInAPackage("org.kitepkana.platform.events")))
        .extracting(JavaClass::getSimpleName)
        .contains("EventEnvelope", "EventEnvelopes");

    freeOfSpringAndKafka("..platform.events..").check(platform);
  }

  /**
   * The services' domain code may use the ids package because it is plain Java and nothing else
   * ({@code testsupport.ArchitecturePredicates.platformKitButItsIds}).
   */
  @Test
  void theIdsPackageUsesTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("org.kitepkana.platform.ids")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.kitepkana.platform.ids")
        .allowEmptyShould(false)
        .check(platform);
  }

  @Test
  void theRuleFailsRatherThanPassesWhenItsPackageDoesNotExist() {
    assertThatThrownBy(() -> freeOfSpringAndKafka("..platform.evnets..").check(platform))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }
}
