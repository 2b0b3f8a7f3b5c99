package org.kitepkana.catalog.curation;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.kitepkana.catalog.curation.adapter.out.mongo.MongoCurationOperations;
import org.kitepkana.catalog.curation.application.CurationOperations;
import org.kitepkana.catalog.curation.application.CurationSweep;
import org.kitepkana.catalog.curation.application.HoldingMoves;
import org.kitepkana.catalog.curation.application.HoldingTransfer;
import org.kitepkana.catalog.curation.application.RecordEdits;
import org.kitepkana.catalog.curation.application.RecordMerges;
import org.kitepkana.catalog.record.application.RecordStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of curation by the regional coordinator: edits, holding moves, merges, the sweep. */
@Configuration(proxyBeanMethods = false)
class CurationConfiguration {

  @Bean
  CurationOperations curationOperations(MongoDatabase database) {
    return new MongoCurationOperations(database);
  }

  @Bean
  HoldingTransfer holdingTransfer(RecordStore records) {
    return new HoldingTransfer(records);
  }

  @Bean
  RecordEdits recordEdits(RecordStore records) {
    return new RecordEdits(records);
  }

  @Bean
  RecordMerges recordMerges(
      RecordStore records, CurationOperations operations, HoldingTransfer transfer, Clock clock) {
    return new RecordMerges(records, operations, transfer, clock);
  }

  @Bean
  HoldingMoves holdingMoves(
      RecordStore records, CurationOperations operations, HoldingTransfer transfer, Clock clock) {
    return new HoldingMoves(records, operations, transfer, clock);
  }

  @Bean
  CurationSweep curationSweep(
      CurationOperations operations,
      RecordMerges merges,
      HoldingMoves moves,
      Clock clock,
      @Value("${kitepkana.curation.stale-after:30s}") Duration staleAfter) {
    return new CurationSweep(operations, merges, moves, clock, staleAfter);
  }

  @Bean
  CurationSweeper curationSweeper(
      CurationSweep sweep, @Value("${kitepkana.curation.sweep-interval:30s}") Duration interval) {
    return new CurationSweeper(sweep, interval);
  }
}
