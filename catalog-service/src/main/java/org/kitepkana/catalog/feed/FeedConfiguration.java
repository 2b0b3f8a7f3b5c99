package org.kitepkana.catalog.feed;

import org.kitepkana.catalog.record.adapter.out.kafka.RecordEvents;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of the delta feed. */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

  @Bean
  ChangeFeed changeFeed(KafkaProperties kafka, JsonMapper json) {
    return new ChangeFeed(RecordEvents.TOPIC, kafka.buildConsumerProperties(), json);
  }
}
