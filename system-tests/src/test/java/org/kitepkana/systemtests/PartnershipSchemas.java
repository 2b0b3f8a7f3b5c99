package org.kitepkana.systemtests;

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
 * Validates a payload against its schema in the contracts jar: through {@link EventSchemas} for the
 * types it lists, and the same way (draft 2020-12, formats asserted) for partnership types it does
 * not list yet. A type without a schema file fails.
 */
final class PartnershipSchemas {

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

  private PartnershipSchemas() {}

  static void assertValid(String type, String json) {
    if (EventSchemas.knownTypes().contains(type)) {
      EventSchemas.assertValid(type, json);
      return;
    }
    Schema schema = SCHEMAS.computeIfAbsent(type, PartnershipSchemas::load);
    List<String> violations = new ArrayList<>();
    for (Error error : schema.validate(JSON.readTree(json))) {
      violations.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    if (!violations.isEmpty()) {
      throw new AssertionError(type + " breaks its schema: " + violations + "\n" + json);
    }
  }

  private static Schema load(String type) {
    String path = "schemas/" + type + ".json";
    try (InputStream in = PartnershipSchemas.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("No schema " + path + " in the contracts jar");
      }
      Schema schema =
          REGISTRY.getSchema(
              SchemaLocation.of("classpath:/" + path),
              new String(in.readAllBytes(), StandardCharsets.UTF_8),
              InputFormat.JSON);
      schema.initializeValidators();
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
