package org.kitepkana.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One realistic sample per event type validates against its schema, and typical producer mistakes
 * are rejected with a violation that names the field and the rule.
 */
class ContractSamplesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String BRANCH_CREATED = "kitepkana.catalog.branch.created";
  private static final String BRANCH_UPDATED = "kitepkana.catalog.branch.updated";
  private static final String RECORD_CREATED = "kitepkana.catalog.record.created";
  private static final String RECORD_UPDATED = "kitepkana.catalog.record.updated";
  private static final String HOLDING_ADDED = "kitepkana.catalog.holding.added";
  private static final String HOLDING_CHANGED = "kitepkana.catalog.holding.changed";
  private static final String HOLDING_WITHDRAWN = "kitepkana.catalog.holding.withdrawn";

  static Stream<String> types() {
    return EventSchemas.knownTypes().stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void sampleIsValid(String type) {
    EventSchemas.assertValid(type, sample(type));
    assertThat(EventSchemas.violations(type, sample(type))).isEmpty();
  }

  @Test
  void thereIsExactlyOneSamplePerKnownType() throws IOException {
    Set<String> sampled;
    try (Stream<Path> files = Files.list(classpathFolder("samples"))) {
      sampled =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .map(n -> n.substring(0, n.length() - ".json".length()))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(sampled).isEqualTo(EventSchemas.knownTypes());
  }

  @Test
  void samplesKeepKyrgyzAndRussianText() {
    assertThat(sample(RECORD_CREATED)).contains("\"Жамийла\"", "\"Айтматов, Чыңгыз\"");
    assertThat(sample(BRANCH_CREATED)).contains("\"at-bashy-district\"", "Ат-Башы");
  }

  @Test
  void dataschemaIsThePathOfTheSchemaOnTheClasspath() {
    for (String type : EventSchemas.knownTypes()) {
      String dataschema = EventSchemas.dataschema(type);
      assertThat(dataschema).isEqualTo("schemas/" + type + ".json");
      assertThat(getClass().getClassLoader().getResource(dataschema)).as(dataschema).isNotNull();
    }
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        // missing required fields (nullable ones too: they must be present, possibly null)
        bad(
            "kitepkana.catalog.legal-act.corrected",
            "correction without its fields",
            p -> p.remove("correctedFields"),
            "$",
            "required",
            "'correctedFields'"),
        bad(
            "kitepkana.catalog.legal-act.registered",
            "status in lower case",
            p -> p.put("status", "in_force"),
            "$.status",
            "enum",
            "IN_FORCE"),
        bad(
            "kitepkana.catalog.legal-act.status-changed",
            "adoption date with a time",
            p -> p.put("adoptedOn", "2024-03-15T00:00:00Z"),
            "$.adoptedOn",
            "format",
            "date"),
        bad(RECORD_CREATED, "title missing", p -> p.remove("title"), "$", "required", "'title'"),
        bad(RECORD_UPDATED, "isbn13 missing", p -> p.remove("isbn13"), "$", "required", "'isbn13'"),
        bad(
            BRANCH_UPDATED,
            "parentId missing",
            p -> p.remove("parentId"),
            "$",
            "required",
            "'parentId'"),
        bad(
            HOLDING_WITHDRAWN,
            "itemId missing",
            p -> p.remove("itemId"),
            "$",
            "required",
            "'itemId'"),
        // enums
        bad(
            BRANCH_CREATED,
            "unknown branch type",
            p -> p.put("type", "LIBRARY"),
            "$.type",
            "enum",
            "REGIONAL"),
        bad(
            RECORD_CREATED,
            "lower-case kind",
            p -> p.put("kind", "book"),
            "$.kind",
            "enum",
            "LEGAL_ACT"),
        bad(
            HOLDING_ADDED,
            "unknown status",
            p -> p.put("status", "ON_LOAN"),
            "$.status",
            "enum",
            "AVAILABLE"),
        // patterns
        bad(
            RECORD_CREATED,
            "hyphenated ISBN",
            p -> p.put("isbn13", "978-9967-02-461-8"),
            "$.isbn13",
            "pattern",
            "^97[89][0-9]{10}$"),
        bad(
            RECORD_CREATED,
            "ISBN-10",
            p -> p.put("isbn13", "9967024618"),
            "$.isbn13",
            "pattern",
            "^97[89]"),
        bad(
            BRANCH_CREATED,
            "upper-case branch id",
            p -> p.put("branchId", "At-Bashy"),
            "$.branchId",
            "pattern",
            "^[a-z0-9]"),
        bad(
            BRANCH_CREATED,
            "parent id with a space",
            p -> p.put("parentId", "naryn oblast"),
            "$.parentId",
            "pattern",
            "^[a-z0-9]"),
        bad(
            HOLDING_ADDED,
            "record id with an O",
            p -> p.put("recordId", "01JQ8ZK4M6T3W9XR2B7C5D1E0O"),
            "$.recordId",
            "pattern",
            "^[0-9A-HJKMNP-TV-Z]{26}$"),
        bad(
            HOLDING_CHANGED,
            "record id too short",
            p -> p.put("recordId", "01JQ8ZK4M6T3W9XR2B7C5D1E0"),
            "$.recordId",
            "pattern",
            "{26}"),
        bad(
            BRANCH_UPDATED,
            "three-letter ISO 639-1 code",
            p -> p.putArray("languages").add("ky").add("kir"),
            "$.languages[1]",
            "pattern",
            "^[a-z]{2}$"),
        bad(
            RECORD_CREATED,
            "language in upper case",
            p -> p.put("language", "KY"),
            "$.language",
            "pattern",
            "^[a-z]{2,3}$"),
        // extra fields: producers add fields only through a schema change (and never personal data)
        bad(
            HOLDING_ADDED,
            "reader name",
            p -> p.put("readerName", "Айгүл Токтосунова"),
            "$",
            "additionalProperties",
            "'readerName'"),
        bad(
            HOLDING_WITHDRAWN,
            "holding state on a withdrawal",
            p -> p.put("copies", 0),
            "$",
            "additionalProperties",
            "'copies'"),
        bad(
            BRANCH_CREATED,
            "misspelt field",
            p -> p.put("parentID", "naryn-oblast"),
            "$",
            "additionalProperties",
            "'parentID'"),
        // types, ranges, lengths, formats
        bad(
            RECORD_CREATED,
            "version as a string",
            p -> p.put("version", "1"),
            "$.version",
            "type",
            "integer"),
        bad(BRANCH_CREATED, "version 0", p -> p.put("version", 0), "$.version", "minimum", "1"),
        bad(HOLDING_ADDED, "negative copies", p -> p.put("copies", -1), "$.copies", "minimum", "0"),
        bad(
            HOLDING_WITHDRAWN,
            "record version 0",
            p -> p.put("recordVersion", 0),
            "$.recordVersion",
            "minimum",
            "1"),
        bad(RECORD_CREATED, "year 999", p -> p.put("year", 999), "$.year", "minimum", "1000"),
        bad(RECORD_UPDATED, "year 2101", p -> p.put("year", 2101), "$.year", "maximum", "2100"),
        bad(RECORD_CREATED, "empty title", p -> p.put("title", ""), "$.title", "minLength", "1"),
        bad(
            RECORD_CREATED,
            "title over 1000 characters",
            p -> p.put("title", "Ж".repeat(1001)),
            "$.title",
            "maxLength",
            "1000"),
        bad(
            BRANCH_CREATED,
            "name over 200 characters",
            p -> p.put("name", "к".repeat(201)),
            "$.name",
            "maxLength",
            "200"),
        bad(
            HOLDING_ADDED,
            "item id over 64 characters",
            p -> p.put("itemId", "9".repeat(65)),
            "$.itemId",
            "maxLength",
            "64"),
        bad(
            RECORD_CREATED,
            "authors as one string",
            p -> p.put("authors", "Айтматов, Чыңгыз"),
            "$.authors",
            "type",
            "array"),
        bad(
            BRANCH_CREATED,
            "local date instead of RFC 3339",
            p -> p.put("updatedAt", "14.03.2025 09:30"),
            "$.updatedAt",
            "format",
            "date-time"),
        bad(
            BRANCH_UPDATED,
            "date-time without offset",
            p -> p.put("updatedAt", "2025-03-14T09:30:00"),
            "$.updatedAt",
            "format",
            "date-time"),
        bad(
            HOLDING_CHANGED,
            "number as location",
            p -> p.put("location", 12),
            "$.location",
            "type",
            "string"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rejected")
  void producerMistakeIsRejectedWithAClearViolation(
      String type,
      String mistake,
      Consumer<ObjectNode> mutation,
      String path,
      String keyword,
      String mentions) {
    ObjectNode payload = (ObjectNode) JSON.readTree(sample(type));
    mutation.accept(payload);

    Set<String> violations = EventSchemas.violations(type, JSON.writeValueAsString(payload));

    assertThat(violations).as(mistake).hasSize(1);
    assertThat(violations.iterator().next())
        .as(mistake)
        .startsWith(path + ": ")
        .endsWith("[" + keyword + "]")
        .contains(mentions);
  }

  @Test
  void nullableFieldsAcceptNull() {
    ObjectNode record = (ObjectNode) JSON.readTree(sample(RECORD_CREATED));
    for (String field : new String[] {"isbn13", "year", "language", "publisher"}) {
      record.putNull(field);
    }
    record.putArray("authors");
    EventSchemas.assertValid(RECORD_CREATED, JSON.writeValueAsString(record));

    ObjectNode holding = (ObjectNode) JSON.readTree(sample(HOLDING_ADDED));
    holding.putNull("callNumber").putNull("location");
    EventSchemas.assertValid(HOLDING_ADDED, JSON.writeValueAsString(holding));

    ObjectNode branch = (ObjectNode) JSON.readTree(sample(BRANCH_CREATED));
    branch.putNull("parentId").putNull("district").putNull("address").putArray("languages");
    EventSchemas.assertValid(BRANCH_CREATED, JSON.writeValueAsString(branch));
  }

  @Test
  void requiredNonNullableFieldsRejectNull() {
    ObjectNode record = (ObjectNode) JSON.readTree(sample(RECORD_CREATED));
    record.putNull("title").putNull("matchKey");
    assertThat(EventSchemas.violations(RECORD_CREATED, JSON.writeValueAsString(record)))
        .hasSize(2)
        .anySatisfy(v -> assertThat(v).startsWith("$.title: ").endsWith("[type]"))
        .anySatisfy(v -> assertThat(v).startsWith("$.matchKey: ").endsWith("[type]"));
  }

  @Test
  void assertValidListsEveryViolation() {
    ObjectNode record = (ObjectNode) JSON.readTree(sample(RECORD_CREATED));
    record.remove("title");
    record.put("kind", "MANUSCRIPT");
    record.put("isbn13", "978-9967-02-461-8");
    record.put("readerPhone", "+996 700 123 456");
    String json = JSON.writeValueAsString(record);

    assertThatThrownBy(() -> EventSchemas.assertValid(RECORD_CREATED, json))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("kitepkana.catalog.record.created")
        .hasMessageContaining("schemas/kitepkana.catalog.record.created.json")
        .hasMessageContaining("4 violations")
        .hasMessageContaining("'title'")
        .hasMessageContaining("$.kind: ")
        .hasMessageContaining("$.isbn13: ")
        .hasMessageContaining("'readerPhone'");
  }

  @Test
  void unknownTypeIsAnErrorNotAPass() {
    assertThatThrownBy(() -> EventSchemas.violations("kitepkana.catalog.record.deleted", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kitepkana.catalog.record.deleted")
        .hasMessageContaining("kitepkana.catalog.record.created");
    assertThatThrownBy(() -> EventSchemas.dataschema("record.created"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textThatIsNotJsonIsOneViolation() {
    assertThat(EventSchemas.violations(HOLDING_WITHDRAWN, "{\"recordId\": "))
        .singleElement()
        .satisfies(v -> assertThat(v).startsWith("$: not valid JSON"));
    assertThat(EventSchemas.violations(HOLDING_WITHDRAWN, ""))
        .singleElement()
        .satisfies(v -> assertThat(v).startsWith("$: not valid JSON"));
  }

  @Test
  void payloadMustBeAnObject() {
    assertThat(EventSchemas.violations(BRANCH_CREATED, "[" + sample(BRANCH_CREATED) + "]"))
        .singleElement()
        .satisfies(v -> assertThat(v).startsWith("$: ").endsWith("[type]"));
  }

  @Test
  void knownTypesAreEveryPublishedType() {
    assertThat(EventSchemas.knownTypes())
        .containsExactlyInAnyOrder(
            BRANCH_CREATED,
            BRANCH_UPDATED,
            RECORD_CREATED,
            RECORD_UPDATED,
            HOLDING_ADDED,
            HOLDING_CHANGED,
            HOLDING_WITHDRAWN,
            "kitepkana.catalog.holding.moved",
            "kitepkana.catalog.record.merged",
            "kitepkana.catalog.legal-act.registered",
            "kitepkana.catalog.legal-act.status-changed",
            "kitepkana.catalog.legal-act.corrected",
            "kitepkana.partnerships.partner.created",
            "kitepkana.partnerships.partner.updated",
            "kitepkana.partnerships.project.proposed",
            "kitepkana.partnerships.project.approved",
            "kitepkana.partnerships.project.activated",
            "kitepkana.partnerships.project.completed",
            "kitepkana.partnerships.project.evaluated",
            "kitepkana.partnerships.project.rejected",
            "kitepkana.partnerships.project.cancelled",
            "kitepkana.partnerships.project.updated",
            "kitepkana.events.event.drafted",
            "kitepkana.events.event.scheduled",
            "kitepkana.events.event.rescheduled",
            "kitepkana.events.event.cancelled",
            "kitepkana.events.event.completed",
            "kitepkana.events.campaign.planned",
            "kitepkana.events.campaign.updated");
    assertThatThrownBy(() -> EventSchemas.knownTypes().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Arguments bad(
      String type,
      String mistake,
      Consumer<ObjectNode> mutation,
      String path,
      String keyword,
      String mentions) {
    return Arguments.of(type, mistake, mutation, path, keyword, mentions);
  }

  static String sample(String type) {
    String path = "samples/" + type + ".json";
    try (InputStream in = ContractSamplesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path classpathFolder(String name) {
    URL url = ContractSamplesTest.class.getClassLoader().getResource(name);
    assertThat(url).as(name).isNotNull();
    assertThat(url.getProtocol())
        .as("%s must be a folder on disk in this build", name)
        .isEqualTo("file");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
