package org.kitepkana.catalog.marc;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.kitepkana.catalog.branch.application.BranchRepository;
import org.kitepkana.catalog.marc.adapter.out.file.FileUploadArea;
import org.kitepkana.catalog.marc.adapter.out.marc4j.Marc4jRecordFormats;
import org.kitepkana.catalog.marc.adapter.out.marc4j.Marc4jSource;
import org.kitepkana.catalog.marc.adapter.out.mongo.MongoBranchHoldings;
import org.kitepkana.catalog.marc.adapter.out.mongo.MongoMarcJobStore;
import org.kitepkana.catalog.marc.application.CatalogExports;
import org.kitepkana.catalog.marc.application.ChunkApplier;
import org.kitepkana.catalog.marc.application.ImportMetrics;
import org.kitepkana.catalog.marc.application.ImportRunner;
import org.kitepkana.catalog.marc.application.ImportWorkers;
import org.kitepkana.catalog.marc.application.JobSupervisor;
import org.kitepkana.catalog.marc.application.MarcImports;
import org.kitepkana.catalog.marc.application.MarcJobStore;
import org.kitepkana.catalog.marc.application.MarcSource;
import org.kitepkana.catalog.marc.application.UploadArea;
import org.kitepkana.catalog.record.application.RecordStore;
import org.kitepkana.catalog.sync.application.RecordMatching;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of MARC imports and exports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarcProperties.class)
class MarcConfiguration {

  /** This process's worker identity: instance id (stable across restarts) and a boot id. */
  record Owner(String token) {}

  @Bean
  Owner marcImportOwner(@Value("${kitepkana.instance-id:}") String instanceId) {
    String instance =
        instanceId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instanceId;
    return new Owner(JobSupervisor.owner(instance, UUID.randomUUID().toString().substring(0, 8)));
  }

  @Bean
  MarcJobStore marcJobStore(MongoDatabase database) {
    return new MongoMarcJobStore(database);
  }

  @Bean
  UploadArea marcUploadArea(MarcProperties properties) {
    return new FileUploadArea(properties.workDir());
  }

  @Bean
  MarcSource marcSource() {
    return new Marc4jSource();
  }

  @Bean
  ImportMetrics marcImportMetrics(MeterRegistry meters) {
    Counter records = meters.counter("kitepkana.marc.records", "outcome", "read");
    Counter imported = meters.counter("kitepkana.marc.records", "outcome", "imported");
    Counter failed = meters.counter("kitepkana.marc.records", "outcome", "failed");
    Counter duplicates = meters.counter("kitepkana.marc.records", "outcome", "duplicate");
    return (counters, bytes) -> {
      records.increment(counters.read());
      imported.increment(counters.imported());
      failed.increment(counters.failed());
      duplicates.increment(counters.duplicates());
    };
  }

  @Bean
  ImportRunner marcImportRunner(
      MarcJobStore jobs,
      UploadArea uploads,
      MarcSource source,
      RecordStore records,
      ImportMetrics metrics,
      Clock clock,
      Owner owner,
      MarcProperties properties) {
    return new ImportRunner(
        jobs,
        uploads,
        source,
        new ChunkApplier(records, new RecordMatching(records, clock)),
        metrics,
        clock,
        owner.token(),
        properties.chunkSize());
  }

  @Bean(destroyMethod = "close")
  ImportWorkers marcImportWorkers(ImportRunner runner, MarcProperties properties) {
    return new ImportWorkers(runner, properties.workers());
  }

  @Bean
  JobSupervisor marcJobSupervisor(
      MarcJobStore jobs,
      UploadArea uploads,
      ImportWorkers workers,
      Clock clock,
      Owner owner,
      MarcProperties properties) {
    return new JobSupervisor(
        jobs, uploads, workers::submit, clock, owner.token(), properties.lease());
  }

  @Bean
  MarcJobsLifecycle marcJobsLifecycle(
      JobSupervisor supervisor, ImportWorkers workers, MarcProperties properties) {
    return new MarcJobsLifecycle(supervisor, workers, properties);
  }

  @Bean
  CatalogExports catalogExports(
      RecordStore records, BranchRepository branches, MongoDatabase database) {
    return new CatalogExports(
        records, branches, new Marc4jRecordFormats(), new MongoBranchHoldings(database, records));
  }

  @Bean
  MarcImports marcImports(
      BranchRepository branches,
      MarcSource source,
      UploadArea uploads,
      MarcJobStore jobs,
      ImportWorkers workers,
      JobSupervisor supervisor,
      Owner owner,
      Clock clock) {
    return new MarcImports(
        branches, source, uploads, jobs, workers::submit, supervisor, owner.token(), clock);
  }
}
