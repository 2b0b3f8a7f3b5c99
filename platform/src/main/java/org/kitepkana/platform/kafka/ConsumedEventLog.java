package org.kitepkana.platform.kafka;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * One DEBUG line per record a platform listener is handed: event type and id, where it came from,
 * and the consumer group. It runs inside the listener's observation, so with the services' log
 * pattern the line carries the trace id the record's {@code traceparent} continued; turn it on per
 * service with {@code logging.level.org.kitepkana.platform.kafka.ConsumedEventLog=DEBUG} (the
 * services with small, low-rate input topics do; catalog-service's own records topic is too busy).
 */
final class ConsumedEventLog implements RecordInterceptor<String, CloudEvent> {

  private static final Logger log = LoggerFactory.getLogger(ConsumedEventLog.class);

  @Override
  public ConsumerRecord<String, CloudEvent> intercept(
      ConsumerRecord<String, CloudEvent> record, Consumer<String, CloudEvent> consumer) {
    if (log.isDebugEnabled()) {
      CloudEvent event = record.value();
      log.debug(
          "Consumed {} {} from {}-{}@{} (group {})",
          event == null ? "an unreadable record" : event.getType(),
          event == null ? "" : event.getId(),
          record.topic(),
          record.partition(),
          record.offset(),
          consumer.groupMetadata().groupId());
    }
    return record;
  }
}
