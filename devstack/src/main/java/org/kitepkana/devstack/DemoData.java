package org.kitepkana.devstack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo region bundled as resources: {@code demo/branches.json} (a list of branches, parents
 * first) and one {@code demo/holdings-<branchId>.json} per branch, whose content is exactly the
 * body of {@code PUT /api/catalog/branches/{branchId}/sync-batches/{batchId}}.
 */
public final class DemoData {

  public static final String BRANCHES = "/demo/branches.json";

  static final ObjectMapper JSON = new ObjectMapper();

  /** A branch as in {@code POST /api/catalog/branches}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Branch(
      String id,
      String name,
      String type,
      String parentId,
      String district,
      String address,
      List<String> languages) {}

  /** One sync-batch item (only {@code UPSERT} in the demo data). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Item(
      String op,
      String itemId,
      String callNumber,
      Integer copies,
      String location,
      Description description) {}

  /** The bibliographic description of an item. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Description(
      String title,
      List<String> authors,
      String isbn,
      Integer year,
      String language,
      String publisher,
      String kind) {}

  /** A sync batch body. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Batch(List<Item> items) {}

  private final List<Branch> branches;
  private final Map<String, JsonNode> branchJson;
  private final Map<String, Batch> holdings;
  private final Map<String, JsonNode> holdingsJson;

  private DemoData(
      List<Branch> branches,
      Map<String, JsonNode> branchJson,
      Map<String, Batch> holdings,
      Map<String, JsonNode> holdingsJson) {
    this.branches = branches;
    this.branchJson = branchJson;
    this.holdings = holdings;
    this.holdingsJson = holdingsJson;
  }

  /** Reads the bundled resources. */
  public static DemoData load() {
    try {
      JsonNode branchArray = JSON.readTree(resource(BRANCHES).orElseThrow());
      List<Branch> branches = JSON.convertValue(branchArray, new TypeReference<List<Branch>>() {});
      Map<String, JsonNode> branchJson = new LinkedHashMap<>();
      Map<String, Batch> holdings = new LinkedHashMap<>();
      Map<String, JsonNode> holdingsJson = new LinkedHashMap<>();
      for (int i = 0; i < branches.size(); i++) {
        Branch b = branches.get(i);
        branchJson.put(b.id(), branchArray.get(i));
        Optional<byte[]> file = resource(holdingsResource(b.id()));
        if (file.isPresent()) {
          JsonNode tree = JSON.readTree(file.get());
          holdingsJson.put(b.id(), tree);
          holdings.put(b.id(), JSON.treeToValue(tree, Batch.class));
        }
      }
      return new DemoData(List.copyOf(branches), branchJson, holdings, holdingsJson);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo data", e);
    }
  }

  public static String holdingsResource(String branchId) {
    return "/demo/holdings-" + branchId + ".json";
  }

  /** Branches, parents before children. */
  public List<Branch> branches() {
    return branches;
  }

  /** The JSON object of a branch, as posted. */
  public JsonNode branchJson(String branchId) {
    return branchJson.get(branchId);
  }

  /** Holdings per branch id (branches without a holdings file are absent). */
  public Map<String, Batch> holdings() {
    return holdings;
  }

  /** The sync-batch body of a branch, as sent. */
  public JsonNode holdingsJson(String branchId) {
    return holdingsJson.get(branchId);
  }

  /** The batch id used for a branch's demo holdings (stable, so a replay changes nothing). */
  public static String batchId(String branchId) {
    return "demo-" + branchId + "-v1";
  }

  public int itemCount() {
    return holdings.values().stream().mapToInt(b -> b.items().size()).sum();
  }

  /** All descriptions with an ISBN. */
  public List<String> isbns() {
    List<String> isbns = new ArrayList<>();
    holdings.values().stream()
        .flatMap(b -> b.items().stream())
        .map(Item::description)
        .filter(d -> d != null && d.isbn() != null)
        .forEach(d -> isbns.add(d.isbn()));
    return isbns;
  }

  /** Whether an ISBN-10 or ISBN-13 (hyphens and spaces ignored) has a valid check digit. */
  public static boolean isValidIsbn(String isbn) {
    String s = isbn.replace("-", "").replace(" ", "").toUpperCase();
    if (s.length() == 13 && s.chars().allMatch(Character::isDigit)) {
      int sum = 0;
      for (int i = 0; i < 12; i++) {
        sum += (s.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
      }
      return (10 - sum % 10) % 10 == s.charAt(12) - '0';
    }
    if (s.length() == 10 && s.substring(0, 9).chars().allMatch(Character::isDigit)) {
      char last = s.charAt(9);
      if (!Character.isDigit(last) && last != 'X') {
        return false;
      }
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (s.charAt(i) - '0') * (10 - i);
      }
      sum += last == 'X' ? 10 : last - '0';
      return sum % 11 == 0;
    }
    return false;
  }

  private static Optional<byte[]> resource(String name) throws IOException {
    try (InputStream in = DemoData.class.getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }
}
