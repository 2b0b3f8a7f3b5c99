package org.kitepkana.catalog.sync;

import org.kitepkana.platform.testsupport.EmbeddedInfrastructure;
import org.kitepkana.platform.testsupport.EmbeddedInfrastructureTest;

/** The sync slice against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructureTest
class SyncSliceIT extends SyncSliceContract {

  @Override
  protected String kafkaBootstrap() {
    return EmbeddedInfrastructure.kafkaBootstrap();
  }
}
