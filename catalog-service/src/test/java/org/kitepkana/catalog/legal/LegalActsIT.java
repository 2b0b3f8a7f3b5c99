package org.kitepkana.catalog.legal;

import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;

/** The legal-acts databank against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructureTest
class LegalActsIT extends LegalActsContract {

  @Override
  protected String kafkaBootstrap() {
    return EmbeddedInfrastructure.kafkaBootstrap();
  }
}
