package org.kitepkana.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * asyncapi.yaml and the schema files agree: every schema is referenced, every reference resolves,
 * every message names its type, headers and key consistently, and every example is valid.
 */
class AsyncApiConsistencyTest {

  private static final String ASYNCAPI = "asyncapi.yaml";
  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Map<String, Object> asyncapi;

  /** Every "$ref" in asyncapi.yaml, with where it occurs (a JSON pointer into the document). */
  private static Map<String, String> refs;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = resource(ASYNCAPI)) {
      asyncapi = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    refs = new TreeMap<>();
    collectRefs(asyncapi, "", refs);
  }

  @Test
  void isAnAsyncApi3DocumentWithThePublicTopicsAndTheirDeadLetterTopics() {
    assertThat(asyncapi.get("asyncapi")).isEqualTo("3.0.0");
    Set<String> addresses =
        map(asyncapi, "channels").values().stream()
            .map(channel -> (String) ((Map<?, ?>) channel).get("address"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(addresses)
        .containsExactlyInAnyOrder(
            "network.branches.v1",
            "network.branches.v1.dlt",
            "catalog.records.v1",
            "catalog.records.v1.dlt",
            "partnerships.partners.v1",
            "partnerships.partners.v1.dlt",
            "partnerships.projects.v1",
            "partnerships.projects.v1.dlt",
            "events.schedule.v1",
            "events.schedule.v1.dlt",
            "catalog.legal-acts.v1",
            "catalog.legal-acts.v1.dlt");
  }

  @Test
  void everyRefResolves() {
    assertThat(refs).isNotEmpty();
    List<String> broken = new ArrayList<>();
    refs.forEach(
        (at, ref) -> {
          if (!resolves(ref)) {
            broken.add(at + " -> " + ref);
          }
        });
    assertThat(broken).as("$refs in %s that point nowhere", ASYNCAPI).isEmpty();
  }

  @Test
  void everySchemaFileIsReferencedFromAsyncApi() throws IOException {
    Set<String> referenced =
        refs.values().stream()
            .filter(ref -> !ref.startsWith("#"))
            .map(AsyncApiConsistencyTest::documentPath)
            .collect(Collectors.toSet());
    assertThat(referenced).containsAll(schemaFiles());
  }

  @Test
  void schemaFilesAreExactlyTheKnownTypes() throws IOException {
    Set<String> expected =
        EventSchemas.knownTypes().stream()
            .map(EventSchemas::dataschema)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(schemaFiles()).isEqualTo(expected);
  }

  static Stream<String> types() {
    return EventSchemas.knownTypes().stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void schemaIsAWellFormedDraft202012SchemaThatIsStrictForProducers(String type) {
    String path = EventSchemas.dataschema(type);
    JsonNode schema = JSON.readTree(text(path));

    Schema metaSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of(DRAFT_2020_12));
    assertThat(metaSchema.validate(schema)).as(path).isEmpty();

    assertThat(schema.path("$schema").asString()).isEqualTo(DRAFT_2020_12);
    assertThat(schema.path("$id").asString()).isEqualTo(path);
    assertThat(schema.path("title").asString()).isNotBlank();
    assertThat(schema.path("description").asString()).contains(type).hasSizeGreaterThan(200);
    assertThat(schema.path("type").asString()).isEqualTo("object");
    assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
    assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
    Set<String> properties = new TreeSet<>(schema.path("properties").propertyNames());
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(r -> required.add(r.asString()));
    assertThat(properties).containsAll(required);
    for (String property : properties) {
      assertThat(schema.path("properties").path(property).path("description").asString())
          .as("description of %s in %s", property, path)
          .isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void eachTypeHasOneMessageWhoseNameHeadersAndKeyAgree(String type) {
    Map<String, Object> message = messageFor(type);
    String dataschema = EventSchemas.dataschema(type);

    assertThat(message.get("name")).isEqualTo(type);
    assertThat(message.get("contentType")).isEqualTo("application/json");
    Map<String, Object> constants = new LinkedHashMap<>();
    collectConstants(message.get("headers"), constants);
    assertThat(constants)
        .containsEntry("ce_type", type)
        .containsEntry("ce_dataschema", dataschema)
        .containsEntry("ce_source", source(type));
    Set<String> requiredHeaders = new TreeSet<>(requiredList(map(schemas(), "CloudEventHeaders")));
    assertThat(requiredHeaders)
        .containsExactlyInAnyOrder(
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_subject",
            "ce_time",
            "ce_dataschema",
            "content-type");

    String keyRef = (String) map(map(map(message, "bindings"), "kafka"), "key").get("$ref");
    assertThat(keyRef)
        .isIn(
            "#/components/schemas/BranchId",
            "#/components/schemas/RecordId",
            "#/components/schemas/PartnerId",
            "#/components/schemas/ProjectId",
            "#/components/schemas/EventId",
            "#/components/schemas/CampaignId",
            "#/components/schemas/LegalActId");
    String keyField = keyField(type);
    assertThat(keyRef).endsWith(keyField.substring(0, 1).toUpperCase() + keyField.substring(1));
    assertThat(requiredList(JSON.readValue(text(dataschema), Map.class))).contains(keyField);
  }

  @ParameterizedTest
  @MethodSource("types")
  void eachTypeIsOnExactlyOneTopicAndThatTopicHasADeadLetterTopic(String type) {
    List<String> topics = new ArrayList<>();
    for (Object value : map(asyncapi, "channels").values()) {
      Map<?, ?> channel = (Map<?, ?>) value;
      for (Object ref : ((Map<?, ?>) channel.get("messages")).values()) {
        String target = (String) ((Map<?, ?>) ref).get("$ref");
        if (target.equals("#/components/messages/" + messageKey(type))) {
          topics.add((String) channel.get("address"));
        }
      }
    }
    assertThat(topics).hasSize(1);
    String topic = topics.get(0);
    assertThat(topic).isEqualTo(topic(type));
    assertThat(map(asyncapi, "channels").values())
        .anySatisfy(c -> assertThat(((Map<?, ?>) c).get("address")).isEqualTo(topic + ".dlt"));
  }

  @Test
  void everyExampleIsValidAndConsistentWithItsMessage() {
    int examples = 0;
    for (String type : EventSchemas.knownTypes()) {
      Object list = messageFor(type).get("examples");
      if (list == null) {
        continue;
      }
      for (Object item : (List<?>) list) {
        Map<?, ?> example = (Map<?, ?>) item;
        Map<?, ?> headers = (Map<?, ?>) example.get("headers");
        Map<?, ?> payload = (Map<?, ?>) example.get("payload");
        EventSchemas.assertValid(type, JSON.writeValueAsString(payload));
        assertThat(headers.get("ce_type")).isEqualTo(type);
        assertThat(headers.get("ce_dataschema")).isEqualTo(EventSchemas.dataschema(type));
        assertThat(headers.get("ce_specversion")).isEqualTo("1.0");
        assertThat(headers.get("content-type")).isEqualTo("application/json");
        assertThat(headers.get("ce_subject")).isEqualTo(payload.get(keyField(type)));
        examples++;
      }
    }
    assertThat(examples).isGreaterThanOrEqualTo(3);
  }

  @Test
  void catalogServiceSendsAndSubscribersReceiveBothTopics() {
    Map<String, Set<String>> channelsByAction = new TreeMap<>();
    for (Object value : map(asyncapi, "operations").values()) {
      Map<?, ?> operation = (Map<?, ?>) value;
      String channel = (String) ((Map<?, ?>) operation.get("channel")).get("$ref");
      channelsByAction
          .computeIfAbsent((String) operation.get("action"), a -> new TreeSet<>())
          .add(channel);
    }
    assertThat(channelsByAction.get("send"))
        .contains("#/channels/networkBranches", "#/channels/catalogRecords");
    assertThat(channelsByAction.get("receive"))
        .contains("#/channels/networkBranches", "#/channels/catalogRecords");
  }

  @Test
  void documentsTheVersioningRuleAndTheToleranceConsumersOwe() {
    String description = (String) map(asyncapi, "info").get("description");
    assertThat(description)
        .contains("OPTIONAL", ".v2", "ignore payload properties", "`<topic>.dlt`", "ce_id");
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String keyField(String type) {
    if (type.contains(".branch.")) {
      return "branchId";
    }
    if (type.contains(".partnerships.partner.")) {
      return "partnerId";
    }
    if (type.contains(".partnerships.project.")) {
      return "projectId";
    }
    if (type.contains(".events.event.")) {
      return "eventId";
    }
    if (type.contains(".events.campaign.")) {
      return "campaignId";
    }
    if (type.contains(".catalog.legal-act.")) {
      return "legalActId";
    }
    return "recordId";
  }

  private static String topic(String type) {
    if (type.contains(".branch.")) {
      return "network.branches.v1";
    }
    if (type.contains(".partnerships.partner.")) {
      return "partnerships.partners.v1";
    }
    if (type.contains(".partnerships.project.")) {
      return "partnerships.projects.v1";
    }
    if (type.startsWith("kitepkana.events.")) {
      return "events.schedule.v1";
    }
    if (type.contains(".catalog.legal-act.")) {
      return "catalog.legal-acts.v1";
    }
    return "catalog.records.v1";
  }

  private static String source(String type) {
    if (type.startsWith("kitepkana.partnerships.")) {
      return "/partnership-service";
    }
    return type.startsWith("kitepkana.events.") ? "/events-service" : "/catalog-service";
  }

  private static String messageKey(String type) {
    for (Map.Entry<String, Object> entry : map(components(), "messages").entrySet()) {
      if (type.equals(((Map<?, ?>) entry.getValue()).get("name"))) {
        return entry.getKey();
      }
    }
    return fail("no message in %s is named %s", ASYNCAPI, type);
  }

  private static Map<String, Object> messageFor(String type) {
    return map(map(components(), "messages"), messageKey(type));
  }

  private static Map<String, Object> components() {
    return map(asyncapi, "components");
  }

  private static Map<String, Object> schemas() {
    return map(components(), "schemas");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<?, ?> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as("%s in %s", key, ASYNCAPI).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static List<String> requiredList(Map<?, ?> schema) {
    List<String> result = new ArrayList<>();
    Object required = schema.get("required");
    if (required instanceof List<?> list) {
      list.forEach(r -> result.add(String.valueOf(r)));
    }
    return result;
  }

  /** Collects {@code properties.<name>.const} anywhere under a (headers) schema. */
  private static void collectConstants(Object node, Map<String, Object> constants) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("properties") instanceof Map<?, ?> properties) {
        properties.forEach(
            (name, schema) -> {
              if (schema instanceof Map<?, ?> s && s.containsKey("const")) {
                constants.put(String.valueOf(name), s.get("const"));
              }
            });
      }
      m.values().forEach(v -> collectConstants(v, constants));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collectConstants(v, constants));
    }
  }

  private static void collectRefs(Object node, String pointer, Map<String, String> out) {
    if (node instanceof Map<?, ?> m) {
      m.forEach(
          (key, value) -> {
            String at = pointer + "/" + escape(String.valueOf(key));
            if ("$ref".equals(key) && value instanceof String ref) {
              out.put(at, ref);
            } else {
              collectRefs(value, at, out);
            }
          });
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collectRefs(list.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static boolean resolves(String ref) {
    int hash = ref.indexOf('#');
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    if (hash == 0) {
      return pointerResolves(asyncapi, fragment);
    }
    String path = documentPath(ref);
    if (path.startsWith("../") || resourceUrl(path) == null) {
      return false;
    }
    if (fragment.isEmpty()) {
      return true;
    }
    return !JSON.readTree(text(path)).at(fragment).isMissingNode();
  }

  /** The classpath path of the document a reference points into, relative to asyncapi.yaml. */
  private static String documentPath(String ref) {
    int hash = ref.indexOf('#');
    String document = hash < 0 ? ref : ref.substring(0, hash);
    return URI.create(ASYNCAPI).resolve(document).normalize().getPath();
  }

  private static boolean pointerResolves(Object root, String pointer) {
    if (pointer.isEmpty()) {
      return true;
    }
    if (!pointer.startsWith("/")) {
      return false;
    }
    Object node = root;
    for (String token : pointer.substring(1).split("/", -1)) {
      String key = token.replace("~1", "/").replace("~0", "~");
      if (node instanceof Map<?, ?> m && m.containsKey(key)) {
        node = m.get(key);
      } else if (node instanceof List<?> list
          && key.matches("\\d+")
          && Integer.parseInt(key) < list.size()) {
        node = list.get(Integer.parseInt(key));
      } else {
        return false;
      }
    }
    return true;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static Set<String> schemaFiles() throws IOException {
    try (Stream<Path> files = Files.list(ContractSamplesTest.classpathFolder("schemas"))) {
      return files
          .map(p -> "schemas/" + p.getFileName())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static URL resourceUrl(String path) {
    return AsyncApiConsistencyTest.class.getClassLoader().getResource(path);
  }

  private static InputStream resource(String path) {
    InputStream in = AsyncApiConsistencyTest.class.getClassLoader().getResourceAsStream(path);
    assertThat(in).as(path).isNotNull();
    return in;
  }

  private static String text(String path) {
    try (InputStream in = resource(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
