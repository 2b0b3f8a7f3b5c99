package org.kitepkana.events.directory;

import com.mongodb.client.MongoDatabase;
import org.kitepkana.events.directory.adapter.in.kafka.DirectoryListener;
import org.kitepkana.events.directory.adapter.out.mongo.MongoDirectory;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of the read models of branches, partners and projects. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

  @Bean
  Directory directory(MongoDatabase database) {
    return new MongoDirectory(database);
  }

  @Bean
  DirectoryListener directoryListener(
      Directory directory, ProcessedEvents processed, JsonMapper json) {
    return new DirectoryListener(directory, processed, json);
  }
}
