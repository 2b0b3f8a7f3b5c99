package org.kitepkana.platform;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import org.kitepkana.platform.events.EventEnvelopes;
import org.kitepkana.platform.health.KafkaClusterHealthIndicator;
import org.kitepkana.platform.health.MongoPingHealthIndicator;
import org.kitepkana.platform.kafka.CloudEventPublisher;
import org.kitepkana.platform.kafka.KafkaConsumerConfiguration;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.kitepkana.platform.outbox.OutboxMetrics;
import org.kitepkana.platform.outbox.OutboxProperties;
import org.kitepkana.platform.outbox.OutboxRelay;
import org.kitepkana.platform.tracing.EventTracing;
import org.kitepkana.platform.web.IdempotencyKeyFilter;
import org.kitepkana.platform.web.ProblemDetailsAdvice;
import org.kitepkana.platform.web.RequestSizeLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the platform kit into every service that has it on its classpath. It runs before Boot's
 * Mongo health auto-configuration so that its ping-based {@code mongoHealthIndicator} is the one.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration"
    })
@EnableConfigurationProperties(OutboxProperties.class)
@Import({KafkaConsumerConfiguration.class, ProblemDetailsAdvice.class})
public class PlatformAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Trace context across the outbox; without a tracer it captures nothing. */
  @Bean
  EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return EventTracing.of(tracer.getIfUnique(), propagator.getIfUnique());
  }

  @Bean
  EventEnvelopes eventEnvelopes(
      @Value("${kitepkana.event-source:/${spring.application.name}}") String source,
      JsonMapper jsonMapper,
      Clock clock,
      EventTracing tracing) {
    return new EventEnvelopes(source, jsonMapper, clock, tracing);
  }

  @Bean(destroyMethod = "close")
  CloudEventPublisher cloudEventPublisher(KafkaProperties kafkaProperties, EventTracing tracing) {
    return new CloudEventPublisher(kafkaProperties.buildProducerProperties(), tracing);
  }

  @Bean
  OutboxMetrics outboxMetrics(MeterRegistry registry) {
    return new OutboxMetrics(registry);
  }

  @Bean
  OutboxRelay outboxRelay(
      MongoDatabaseFactory mongo,
      CloudEventPublisher publisher,
      OutboxProperties properties,
      OutboxMetrics metrics,
      Clock clock,
      @Value("${kitepkana.instance-id:}") String instanceId) {
    String owner =
        instanceId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instanceId;
    return new OutboxRelay(mongo.getMongoDatabase(), publisher, properties, metrics, clock, owner);
  }

  @Bean
  ProcessedEvents processedEvents(MongoDatabaseFactory mongo, Clock clock) {
    return new ProcessedEvents(mongo.getMongoDatabase(), clock);
  }

  /**
   * {@code kitepkana.web.max-body-size} everywhere, except on the paths listed in {@code
   * kitepkana.web.body-size-limits} (each {@code path} pattern with its own {@code max-body-size}).
   */
  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
      @Value("${kitepkana.web.max-body-size:4MB}") DataSize limit, Environment environment) {
    List<RequestSizeLimitFilter.PathLimit> pathLimits =
        Binder.get(environment)
            .bind(
                "kitepkana.web.body-size-limits",
                Bindable.listOf(RequestSizeLimitFilter.PathLimit.class))
            .orElse(List.of());
    var registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit.toBytes(), pathLimits));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(
      MongoDatabaseFactory mongo, Clock clock) {
    var registration =
        new FilterRegistrationBean<>(new IdempotencyKeyFilter(mongo.getMongoDatabase(), clock));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean(name = "mongoHealthIndicator")
  MongoPingHealthIndicator mongoHealthIndicator(MongoDatabaseFactory mongo) {
    return new MongoPingHealthIndicator(mongo.getMongoDatabase());
  }

  @Bean(name = "kafkaHealthIndicator")
  KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaProperties kafkaProperties) {
    return new KafkaClusterHealthIndicator(kafkaProperties.buildAdminProperties());
  }

  /** The database a service's own repositories use. */
  @Bean
  @ConditionalOnMissingBean
  MongoDatabase mongoDatabase(MongoDatabaseFactory mongo) {
    return mongo.getMongoDatabase();
  }
}
