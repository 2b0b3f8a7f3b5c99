package org.kitepkana.platform.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The listener container factory every Kitepkana consumer uses ({@value #FACTORY}): CloudEvents in
 * binary mode behind an {@link ErrorHandlingDeserializer}, bounded retries, then the record goes to
 * {@code <topic>.dlt} with the failure in its headers (and all its own headers, {@code traceparent}
 * included), so a poison message never blocks its partition.
 *
 * <p>Listener observation is on: each record is handled inside a consumer span that continues the
 * trace of its {@code traceparent} header, so the listener's log lines (and whatever it writes to
 * an outbox) carry the trace of the request that caused the event.
 *
 * <p>A busy read model takes the batch factory ({@value #BATCH_FACTORY}) instead: its listener gets
 * a {@code List<ConsumerRecord<String, CloudEvent>>} per poll and applies it in a few bulk store
 * operations through {@link EventBatches}, which reports a record it cannot read or apply as a
 * {@link org.springframework.kafka.listener.BatchListenerFailedException} with its index: the
 * records before it are committed, it alone is retried (bounded, as above) and then dead-lettered,
 * and the records after it are delivered again. Its DEBUG line per record is written inside a
 * consumer span continuing the record's trace; the bulk apply runs outside any one record's trace,
 * so a batch listener must not write events of its own (a record listener continues the trace).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfiguration {

  public static final String FACTORY = "cloudEventListenerFactory";
  public static final String BATCH_FACTORY = "cloudEventBatchListenerFactory";
  public static final String DEAD_LETTER_SUFFIX = ".dlt";

  private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

  @Bean(name = FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, CloudEvent> cloudEventListenerFactory(
      KafkaProperties kafkaProperties,
      MeterRegistry meterRegistry,
      ObjectProvider<ObservationRegistry> observations,
      @Value("${kitepkana.kafka.retry.retries:3}") long retries,
      @Value("${kitepkana.kafka.retry.interval-ms:200}") long retryIntervalMs) {
    var factory = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
    factory.setConsumerFactory(
        new DefaultKafkaConsumerFactory<>(consumerProperties(kafkaProperties)));
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
    factory.getContainerProperties().setObservationEnabled(true);
    observations.ifAvailable(factory.getContainerProperties()::setObservationRegistry);
    factory.setRecordInterceptor(new ConsumedEventLog());
    factory.setCommonErrorHandler(
        errorHandler(kafkaProperties, meterRegistry, retries, retryIntervalMs));
    return factory;
  }

  @Bean(name = BATCH_FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, CloudEvent> cloudEventBatchListenerFactory(
      KafkaProperties kafkaProperties,
      MeterRegistry meterRegistry,
      ObjectProvider<Tracer> tracer,
      ObjectProvider<Propagator> propagator,
      @Value("${kitepkana.kafka.retry.retries:3}") long retries,
      @Value("${kitepkana.kafka.retry.interval-ms:200}") long retryIntervalMs) {
    var factory = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
    factory.setConsumerFactory(
        new DefaultKafkaConsumerFactory<>(consumerProperties(kafkaProperties)));
    factory.setBatchListener(true);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
    factory.setBatchInterceptor(
        new ConsumedEventLog.PerBatch(tracer.getIfUnique(), propagator.getIfUnique()));
    factory.setCommonErrorHandler(
        errorHandler(kafkaProperties, meterRegistry, retries, retryIntervalMs));
    return factory;
  }

  private static Map<String, Object> consumerProperties(KafkaProperties kafkaProperties) {
    Map<String, Object> props = new HashMap<>(kafkaProperties.buildConsumerProperties());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
    props.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, CloudEventDeserializer.class);
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }

  private static DefaultErrorHandler errorHandler(
      KafkaProperties kafkaProperties, MeterRegistry meterRegistry, long retries, long intervalMs) {
    return new DefaultErrorHandler(
        deadLetterRecoverer(kafkaProperties, meterRegistry), new FixedBackOff(intervalMs, retries));
  }

  private static org.springframework.kafka.listener.ConsumerRecordRecoverer deadLetterRecoverer(
      KafkaProperties kafkaProperties, MeterRegistry meterRegistry) {
    Map<String, Object> producerProps = new HashMap<>(kafkaProperties.buildProducerProperties());
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = new HashMap<>();
    byType.put(byte[].class, new ByteArraySerializer());
    byType.put(CloudEvent.class, new CloudEventDataSerializer());
    var producerFactory =
        new DefaultKafkaProducerFactory<Object, Object>(
            producerProps, null, new DelegatingByTypeSerializer(byType, true));
    var recoverer =
        new DeadLetterPublishingRecoverer(
            new KafkaTemplate<>(producerFactory),
            (record, error) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
    return (record, error) -> {
      log.warn(
          "Dead-lettering {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          error.toString());
      recoverer.accept(record, error);
      Counter.builder("kitepkana.kafka.dead.letters")
          .description("Records sent to a dead-letter topic after bounded retries")
          .tag("topic", record.topic())
          .register(meterRegistry)
          .increment();
    };
  }
}
