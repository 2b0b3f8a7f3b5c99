package org.kitepkana.platform.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** What the services' architecture tests say of the platform kit. */
public final class ArchitecturePredicates {

  private ArchitecturePredicates() {}

  /**
   * The infrastructure a service's domain (and most of its application code) keeps off: Spring, the
   * MongoDB driver and BSON, Kafka, CloudEvents, Jackson.
   */
  public static DescribedPredicate<JavaClass> infrastructure() {
    return resideInAnyPackage(
        "org.springframework..",
        "com.mongodb..",
        "org.bson..",
        "org.apache.kafka..",
        "io.cloudevents..",
        "tools.jackson..");
  }

  /**
   * The platform kit, but for its ids package: plain Java (the ULID form every service's ids share,
   * {@code PlatformArchitectureTest} keeps it so), which domain code kept off the kit may use.
   */
  public static DescribedPredicate<JavaClass> platformKitButItsIds() {
    return resideInAPackage("org.kitepkana.platform..")
        .and(not(resideInAPackage("org.kitepkana.platform.ids..")));
  }
}
