package org.kitepkana.platform.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the {@link EmbeddedInfrastructure}: its own fresh database, the
 * shared broker, and the {@link TestTokens} issuer as the one it trusts. Use through {@link
 * EmbeddedInfrastructureTest}.
 */
public final class EmbeddedInfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.mongodb.uri=" + EmbeddedInfrastructure.freshMongoUri(),
            "spring.kafka.bootstrap-servers=" + EmbeddedInfrastructure.kafkaBootstrap())
        .and(TestTokens.properties())
        .applyTo(context);
  }
}
