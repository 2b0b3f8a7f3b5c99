package org.kitepkana.partnership;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kitepkana.contracts.EventSchemas;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates an emitted payload against its schema in the contracts jar. Delegates to {@link
 * EventSchemas} for the types it lists; types it does not list yet (its list is closed and lives in
 * contracts' tests) are checked here the same way: draft 2020-12, formats asserted, the schema read
 * from {@code schemas/<type>.json} on the classpath. An event without a schema file fails.
 */
public final class EventContract {

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

  private EventContract() {}

  public static void assertValid(String type, String json) {
    if (EventSchemas.knownTypes().contains(type)) {
      EventSchemas.assertValid(type, json);
      return;
    }
    Schema schema = SCHEMAS.computeIfAbsent(type, EventContract::load);
    List<String> violations = new ArrayList<>();
    for (Error error : schema.validate(JSON.readTree(json))) {
      violations.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "Payload of " + type + " breaks its schema: " + violations + "\nPayload: " + json);
    }
  }

  public static String dataschema(String type) {
    return "schemas/" + type + ".json";
  }

  private static Schema load(String type) {
    String path = dataschema(type);
    try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("No schema " + path + " in the contracts jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Schema schema =
          REGISTRY.getSchema(SchemaLocation.of("classpath:/" + path), text, InputFormat.JSON);
      schema.initializeValidators();
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
