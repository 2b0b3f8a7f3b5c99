package org.kitepkana.partnership.library.adapter.in.kafka;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.library.domain.Library;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.platform.kafka.KafkaConsumerConfiguration;
import org.kitepkana.platform.kafka.ProcessedEvents;
import org.kitepkana.platform.kafka.ReceivedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the {@link LibraryDirectory} from {@value #TOPIC} (full branch state, compacted). The read
 * model lives in the service's database, which all instances share, so one consumer group serves
 * them all. Applying is an upsert guarded by the branch version, and event ids are remembered, so
 * replays and duplicates change nothing; an unreadable message goes to the dead-letter topic.
 */
public class BranchDirectoryListener {

  public static final String TOPIC = "network.branches.v1";
  static final String CONSUMER = "partnership-libraries";

  private final LibraryDirectory directory;
  private final ProcessedEvents processed;
  private final JsonMapper json;

  public BranchDirectoryListener(
      LibraryDirectory directory, ProcessedEvents processed, JsonMapper json) {
    this.directory = directory;
    this.processed = processed;
    this.json = json;
  }

  @KafkaListener(
      topics = TOPIC,
      groupId = "${kitepkana.partnerships.consumer-group-prefix:partnership-service}-libraries",
      containerFactory = KafkaConsumerConfiguration.FACTORY)
  public void on(ConsumerRecord<String, CloudEvent> record) {
    ReceivedEvent event = ReceivedEvent.of(record);
    if (event.type() == null || !event.type().startsWith("kitepkana.catalog.branch.")) {
      return;
    }
    JsonNode data = json.readTree(event.json());
    Library library =
        new Library(
            new LibraryId(required(data, "branchId").asString()),
            required(data, "name").asString(),
            text(data, "type"),
            text(data, "parentId"),
            text(data, "district"),
            required(data, "version").asLong());
    processed.applyOnce(CONSUMER, event.id(), () -> directory.apply(library));
  }

  private static JsonNode required(JsonNode data, String field) {
    JsonNode value = data.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("branch event data lacks " + field);
    }
    return value;
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
