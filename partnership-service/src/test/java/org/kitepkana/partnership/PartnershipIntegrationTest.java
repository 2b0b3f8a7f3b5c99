package org.kitepkana.partnership;

import org.junit.jupiter.api.BeforeEach;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the service's integration tests: the whole service on a random port against the embedded
 * broker and store. All subclasses share one Spring context (same configuration), and every test
 * makes its own libraries, partners and projects, so tests never depend on each other's data. The
 * consumer groups get a random prefix so that no other context in the JVM shares their partitions.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kitepkana.partnerships.consumer-group-prefix=test-${random.uuid}")
@EmbeddedInfrastructureTest
public abstract class PartnershipIntegrationTest {

  @LocalServerPort protected int port;
  protected PartnershipApi api;

  @BeforeEach
  void client() {
    api = new PartnershipApi("http://127.0.0.1:" + port);
  }
}
