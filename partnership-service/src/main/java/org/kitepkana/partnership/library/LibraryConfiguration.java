package org.kitepkana.partnership.library;

import com.mongodb.client.MongoDatabase;
import org.kitepkana.partnership.library.adapter.in.kafka.BranchDirectoryListener;
import org.kitepkana.partnership.library.adapter.out.mongo.MongoLibraryDirectory;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of the library read model. */
@Configuration(proxyBeanMethods = false)
class LibraryConfiguration {

  @Bean
  LibraryDirectory libraryDirectory(MongoDatabase database) {
    return new MongoLibraryDirectory(database);
  }

  @Bean
  BranchDirectoryListener branchDirectoryListener(
      LibraryDirectory directory, ProcessedEvents processed, JsonMapper json) {
    return new BranchDirectoryListener(directory, processed, json);
  }
}
