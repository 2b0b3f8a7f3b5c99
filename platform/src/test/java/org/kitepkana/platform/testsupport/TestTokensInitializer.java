package org.kitepkana.platform.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Makes a Spring test context trust the {@link TestTokens} issuer, for tests that do not use {@link
 * EmbeddedInfrastructureTest} (Testcontainers variants): {@code @ContextConfiguration(initializers
 * = TestTokensInitializer.class)}.
 */
public final class TestTokensInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(TestTokens.properties()).applyTo(context);
  }
}
