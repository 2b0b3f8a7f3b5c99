package org.kitepkana.events.directory.adapter.in.kafka;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.events.directory.domain.KnownBranch;
import org.kitepkana.events.directory.domain.KnownPartner;
import org.kitepkana.events.directory.domain.KnownProject;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.PartnerId;
import org.kitepkana.events.shared.domain.ProjectId;
import org.kitepkana.platform.kafka.KafkaConsumerConfiguration;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.kitepkana.platform.kafka.ReceivedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the directory from three topics, in the shapes of {@code docs/topics.md}. Every instance
 * reads with consumer groups of its own ({@value #GROUP_PREFIX}{@code <topic>-<instance id>}),
 * because every instance must see every branch, partner and project; the database deduplicates by
 * event id and the upserts are guarded by version, so a second instance or a replay changes
 * nothing. A record that is not a CloudEvent, or lacks a required field, fails and (after bounded
 * retries) goes to {@code <topic>.dlt}. Event types not listed are skipped: consumers tolerate
 * additions.
 */
public class DirectoryListener {

  public static final String BRANCHES_TOPIC = "network.branches.v1";
  public static final String PARTNERS_TOPIC = "partnerships.partners.v1";
  public static final String PROJECTS_TOPIC = "partnerships.projects.v1";
  public static final String GROUP_PREFIX = "events-directory-";
  static final String CONSUMER = "events-directory";

  private final Directory directory;
  private final ProcessedEvents processed;
  private final JsonMapper json;

  public DirectoryListener(Directory directory, ProcessedEvents processed, JsonMapper json) {
    this.directory = directory;
    this.processed = processed;
    this.json = json;
  }

  @KafkaListener(
      id = "events-directory-branches",
      topics = BRANCHES_TOPIC,
      groupId = GROUP_PREFIX + "branches-${kitepkana.events.instance-id}",
      containerFactory = KafkaConsumerConfiguration.FACTORY)
  void onBranch(ConsumerRecord<String, CloudEvent> record) {
    ReceivedEvent event = ReceivedEvent.of(record);
    if (!"kitepkana.catalog.branch.created".equals(event.type())
        && !"kitepkana.catalog.branch.updated".equals(event.type())) {
      return;
    }
    JsonNode data = json.readTree(event.json());
    KnownBranch branch =
        new KnownBranch(
            new BranchId(text(data, "branchId")),
            text(data, "name"),
            text(data, "type"),
            number(data, "version"));
    processed.applyOnce(CONSUMER, event.id(), () -> directory.apply(branch));
  }

  @KafkaListener(
      id = "events-directory-partners",
      topics = PARTNERS_TOPIC,
      groupId = GROUP_PREFIX + "partners-${kitepkana.events.instance-id}",
      containerFactory = KafkaConsumerConfiguration.FACTORY)
  void onPartner(ConsumerRecord<String, CloudEvent> record) {
    ReceivedEvent event = ReceivedEvent.of(record);
    if (!"kitepkana.partnerships.partner.created".equals(event.type())
        && !"kitepkana.partnerships.partner.updated".equals(event.type())) {
      return;
    }
    JsonNode data = json.readTree(event.json());
    JsonNode active = data.get("active");
    KnownPartner partner =
        new KnownPartner(
            new PartnerId(text(data, "partnerId")),
            text(data, "name"),
            text(data, "type"),
            active == null || active.isNull() || active.asBoolean(),
            number(data, "version"));
    processed.applyOnce(CONSUMER, event.id(), () -> directory.apply(partner));
  }

  @KafkaListener(
      id = "events-directory-projects",
      topics = PROJECTS_TOPIC,
      groupId = GROUP_PREFIX + "projects-${kitepkana.events.instance-id}",
      containerFactory = KafkaConsumerConfiguration.FACTORY)
  void onProject(ConsumerRecord<String, CloudEvent> record) {
    ReceivedEvent event = ReceivedEvent.of(record);
    if (event.type() == null || !event.type().startsWith("kitepkana.partnerships.project.")) {
      return;
    }
    JsonNode data = json.readTree(event.json());
    KnownProject project =
        new KnownProject(
            new ProjectId(text(data, "projectId")),
            data.path("title").asString(""),
            text(data, "status"),
            number(data, "version"));
    processed.applyOnce(CONSUMER, event.id(), () -> directory.apply(project));
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new IllegalArgumentException("event data lacks " + field);
    }
    return value.asString();
  }

  private static long number(JsonNode data, String field) {
    JsonNode value = data.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("event data lacks " + field);
    }
    return value.asLong();
  }
}
