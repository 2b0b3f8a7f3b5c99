package org.kitepkana.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates event payloads (the CloudEvent {@code data}) against the JSON Schemas of the {@code
 * contracts} module, for use in any service's tests:
 *
 * <pre>{@code
 * EventSchemas.assertValid("kitepkana.catalog.record.created", json);
 * }</pre>
 *
 * <p>Schemas are read from the classpath as {@code schemas/<type>.json} (the contracts jar), with
 * JSON Schema draft 2020-12 semantics and {@code format} checked as an assertion (so a malformed
 * {@code date-time} is a violation). Schemas are compiled once and cached; the class is safe to use
 * from parallel tests.
 *
 * <p>Needs on the test classpath: the {@code contracts} jar (the schemas), its test-jar (this
 * class) and {@code com.networknt:json-schema-validator} (a test-jar does not bring this module's
 * test-scoped dependencies along).
 */
public final class EventSchemas {

  /** Classpath folder of the schemas; also the prefix of every CloudEvent {@code dataschema}. */
  public static final String SCHEMA_FOLDER = "schemas/";

  private static final Set<String> KNOWN_TYPES =
      Collections.unmodifiableSet(
          new TreeSet<>(
              List.of(
                  "kitepkana.catalog.branch.created",
                  "kitepkana.catalog.branch.updated",
                  "kitepkana.catalog.record.created",
                  "kitepkana.catalog.record.updated",
                  "kitepkana.catalog.holding.added",
                  "kitepkana.catalog.holding.changed",
                  "kitepkana.catalog.holding.withdrawn",
                  "kitepkana.catalog.legal-act.registered",
                  "kitepkana.catalog.legal-act.status-changed",
                  "kitepkana.catalog.legal-act.corrected",
                  "kitepkana.catalog.holding.moved",
                  "kitepkana.catalog.record.merged",
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
                  "kitepkana.events.campaign.updated")));

  /*
   * Each schema's "$id" is the relative reference "schemas/<type>.json"; a relative $id needs a
   * base IRI to resolve against, and this one is never fetched (the schema text is passed in).
   */
  private static final String BASE_IRI = "classpath:/";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder()
                      .formatAssertionsEnabled(true)
                      .pathType(PathType.JSON_PATH)
                      .build()));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private EventSchemas() {}

  /** The event types that have a schema, sorted. */
  public static Set<String> knownTypes() {
    return KNOWN_TYPES;
  }

  /**
   * The CloudEvent {@code dataschema} attribute of an event of this type: {@code
   * schemas/<type>.json}.
   */
  public static String dataschema(String type) {
    requireKnown(type);
    return SCHEMA_FOLDER + type + ".json";
  }

  /**
   * Every way the payload breaks the type's schema, as {@code "<JSON path>: <message> [keyword]"},
   * e.g. {@code "$.isbn13: does not match the regex pattern ^97[89][0-9]{10}$ [pattern]"}; empty
   * when the payload is valid. Text that is not JSON yields a single violation.
   *
   * @throws IllegalArgumentException if the type has no schema
   */
  public static Set<String> violations(String type, String json) {
    Schema schema = schema(type);
    Objects.requireNonNull(json, "json");
    JsonNode payload;
    try {
      payload = JSON.readTree(json);
    } catch (JacksonException e) {
      return Set.of("$: not valid JSON: " + e.getOriginalMessage());
    }
    if (payload == null || payload.isMissingNode()) {
      return Set.of("$: not valid JSON: empty document");
    }
    Set<String> result = new LinkedHashSet<>();
    for (Error error : schema.validate(payload)) {
      result.add(describe(error));
    }
    return Collections.unmodifiableSet(result);
  }

  /**
   * Fails, listing every violation, unless the payload is valid against the type's schema.
   *
   * @throws AssertionError naming the type and each violation on its own line
   * @throws IllegalArgumentException if the type has no schema
   */
  public static void assertValid(String type, String json) {
    Set<String> violations = violations(type, json);
    if (!violations.isEmpty()) {
      StringBuilder message =
          new StringBuilder()
              .append("Payload of ")
              .append(type)
              .append(" breaks ")
              .append(SCHEMA_FOLDER)
              .append(type)
              .append(".json (")
              .append(violations.size())
              .append(violations.size() == 1 ? " violation):" : " violations):");
      violations.forEach(v -> message.append("\n  - ").append(v));
      message.append("\nPayload: ").append(json);
      throw new AssertionError(message.toString());
    }
  }

  private static String describe(Error error) {
    String location = String.valueOf(error.getInstanceLocation());
    String keyword = error.getKeyword();
    return location
        + ": "
        + error.getMessage()
        + (keyword == null || keyword.isEmpty() ? "" : " [" + keyword + "]");
  }

  private static Schema schema(String type) {
    requireKnown(type);
    return SCHEMAS.computeIfAbsent(type, EventSchemas::load);
  }

  private static void requireKnown(String type) {
    if (!KNOWN_TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "No schema for event type '" + type + "'; known types: " + KNOWN_TYPES);
    }
  }

  private static Schema load(String type) {
    String path = SCHEMA_FOLDER + type + ".json";
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = EventSchemas.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "Schema "
                + path
                + " is not on the classpath; add the contracts jar as a test dependency");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Schema schema =
          REGISTRY.getSchema(SchemaLocation.of(BASE_IRI + path), text, InputFormat.JSON);
      schema.initializeValidators();
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema " + path, e);
    }
  }
}
