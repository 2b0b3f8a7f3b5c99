package org.kitepkana.platform.kafka;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A CloudEvent as a consumer sees it, with the coordinates it came from. Consumers read the JSON
 * body into their own records; no producer types cross service lines.
 */
public record ReceivedEvent(
    String id,
    String type,
    String subject,
    String key,
    String topic,
    int partition,
    long offset,
    String json) {

  public static ReceivedEvent of(ConsumerRecord<String, CloudEvent> record) {
    CloudEvent event = record.value();
    if (event == null) {
      throw new IllegalArgumentException("record has no CloudEvent value");
    }
    byte[] body = event.getData() == null ? new byte[0] : event.getData().toBytes();
    return new ReceivedEvent(
        event.getId(),
        event.getType(),
        event.getSubject(),
        record.key(),
        record.topic(),
        record.partition(),
        record.offset(),
        new String(body, StandardCharsets.UTF_8));
  }
}
