package org.kitepkana.platform.kafka;

import io.cloudevents.CloudEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes only a CloudEvent's body. Used for dead letters: the recoverer has already copied the
 * original {@code ce_*} headers onto the dead-letter record, so writing them again would double
 * them.
 */
final class CloudEventDataSerializer implements Serializer<CloudEvent> {

  @Override
  public byte[] serialize(String topic, CloudEvent event) {
    if (event == null || event.getData() == null) {
      return null;
    }
    return event.getData().toBytes();
  }
}
