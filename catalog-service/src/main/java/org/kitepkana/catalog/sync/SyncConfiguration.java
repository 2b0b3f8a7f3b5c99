package org.kitepkana.catalog.sync;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.kitepkana.catalog.branch.application.BranchRepository;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.sync.adapter.out.mongo.MongoSyncBatchLog;
import org.kitepkana.catalog.sync.application.RecordMatching;
import org.kitepkana.catalog.sync.application.SyncBatchLog;
import org.kitepkana.catalog.sync.application.SyncService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of branch sync. */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

  @Bean
  SyncBatchLog syncBatchLog(MongoDatabase database, JsonMapper json, Clock clock) {
    return new MongoSyncBatchLog(database, json, clock);
  }

  @Bean
  SyncService syncService(
      BranchRepository branches, RecordStore records, SyncBatchLog log, Clock clock) {
    return new SyncService(branches, records, log, new RecordMatching(records, clock));
  }
}
