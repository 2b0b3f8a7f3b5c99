package org.kitepkana.catalog.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search latency at scale: indexes N synthetic records (Kyrgyz, Russian and Latin titles and names)
 * through the same code the feed uses, then runs a mix of queries and prints p50/p99/max. Prints
 * figures; asserts nothing. Usage: {@code bin/bench-search [--records 100000,1000000] [--queries
 * 5000]}.
 */
public final class SearchBenchmark {

  private static final String[] WORDS = {
    "манас",
    "жамийла",
    "ак",
    "кеме",
    "биринчи",
    "мугалим",
    "сынган",
    "кылыч",
    "тоолор",
    "дарыя",
    "жолдо",
    "эл",
    "тарых",
    "мыйзам",
    "укук",
    "жергиликтүү",
    "өз",
    "алдынча",
    "башкаруу",
    "китеп",
    "война",
    "мир",
    "история",
    "право",
    "закон",
    "местное",
    "самоуправление",
    "книга",
    "сказки",
    "поэзия",
    "детство",
    "степь",
    "горы",
    "озеро",
    "иссык",
    "куль",
    "нарын",
    "ата",
    "бейит",
    "тоо",
    "pride",
    "prejudice",
    "history",
    "law",
    "mountain",
    "river",
    "children",
    "school",
    "garden"
  };
  private static final String[] SURNAMES = {
    "Айтматов",
    "Касымбеков",
    "Сыдыкбеков",
    "Тыныстанов",
    "Баялинов",
    "Орозбаков",
    "Пушкин",
    "Толстой",
    "Чехов",
    "Austen",
    "Dickens",
    "Абдыкадыров",
    "Жусупов",
    "Иманалиева",
    "Осмонов"
  };
  private static final String[] LANGS = {"ky", "ru", "en"};
  private static final String[] KINDS = {
    "BOOK", "BOOK", "BOOK", "PERIODICAL", "LEGAL_ACT", "AUDIOVISUAL"
  };

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>(List.of(100_000, 1_000_000));
    int queries = 5000;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--records")) {
        sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
      } else if (args[i].equals("--queries")) {
        queries = Integer.parseInt(args[i + 1]);
      }
    }
    JsonMapper json = JsonMapper.builder().build();
    for (int size : sizes) {
      Path dir = Files.createTempDirectory("kitepkana-search-bench-");
      try (SearchIndex index = new SearchIndex(dir, json)) {
        long t0 = System.nanoTime();
        fill(index, json, size);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            "indexed %,d records (2 events each) in %.1f s = %,.0f records/s%n",
            size, seconds, size / seconds);
        run(new CatalogSearch(index), queries, size);
      }
    }
  }

  private static void fill(SearchIndex index, JsonMapper json, int size) {
    Random random = new Random(42);
    for (int i = 0; i < size; i++) {
      String id = String.format("%026d", i);
      ObjectNode record = json.createObjectNode();
      record.put("recordId", id);
      record.put("version", 1);
      record.put("kind", KINDS[random.nextInt(KINDS.length)]);
      record.put("title", words(random, 2 + random.nextInt(4)) + " " + i);
      record
          .putArray("authors")
          .add(SURNAMES[random.nextInt(SURNAMES.length)] + ", " + words(random, 1));
      record.putArray("subjects").add(words(random, 2));
      record.put("isbn13", i % 3 == 0 ? isbn(i) : null);
      record.put("year", 1920 + random.nextInt(106));
      record.put("language", LANGS[random.nextInt(LANGS.length)]);
      index.apply(
          "kitepkana.catalog.record.created", id, json.writeValueAsString(record), 0, 2L * i);
      ObjectNode holding = json.createObjectNode();
      holding.put("recordId", id);
      holding.put("recordVersion", 1);
      holding.put("branchId", "branch-" + random.nextInt(40));
      holding.put("itemId", "inv-" + i);
      holding.put("copies", 1);
      holding.put("status", "AVAILABLE");
      index.apply(
          "kitepkana.catalog.holding.added", id, json.writeValueAsString(holding), 0, 2L * i + 1);
      if (i % 20_000 == 19_999) {
        index.refresh();
      }
    }
    index.commit();
    index.refresh();
  }

  private static void run(CatalogSearch search, int count, int size) {
    Random random = new Random(7);
    Histogram histogram = new Histogram(10_000_000_000L, 3);
    long hits = 0;
    for (int i = 0; i < count + count / 5; i++) {
      SearchQuery q = query(random, i, size);
      long t0 = System.nanoTime();
      SearchResult result = search.search(q);
      long took = System.nanoTime() - t0;
      if (i >= count / 5) { // the first fifth warms the JIT and caches
        histogram.recordValue(took);
        hits += result.total();
      }
    }
    System.out.printf(
        "search at %,d records, %,d queries (free text, Latin for Cyrillic, author, title + filters, ISBN; facets on every query): p50 %.2f ms, p99 %.2f ms, max %.2f ms; mean hits %,d%n",
        size,
        count,
        histogram.getValueAtPercentile(50) / 1e6,
        histogram.getValueAtPercentile(99) / 1e6,
        histogram.getMaxValue() / 1e6,
        hits / count);
  }

  private static SearchQuery query(Random random, int i, int size) {
    String word = WORDS[random.nextInt(WORDS.length)];
    String surname = SURNAMES[random.nextInt(SURNAMES.length)];
    return switch (i % 6) {
      case 0 -> new SearchQuery(word, null, null, null, null, null, null, null, null, null, 0, 20);
      case 1 ->
          new SearchQuery(
              word + " " + WORDS[random.nextInt(WORDS.length)],
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              0,
              20);
      case 2 ->
          new SearchQuery(
              "aitmatov " + (random.nextBoolean() ? "jamila" : "manas"),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              0,
              20);
      case 3 ->
          new SearchQuery(null, null, surname, null, null, null, null, null, null, null, 0, 20);
      case 4 ->
          new SearchQuery(
              null,
              word,
              null,
              null,
              null,
              "branch-" + random.nextInt(40),
              "BOOK",
              "ky",
              1950,
              2000,
              0,
              20);
      default ->
          new SearchQuery(
              null,
              null,
              null,
              null,
              isbn(3 * random.nextInt(Math.max(1, size / 3))),
              null,
              null,
              null,
              null,
              null,
              0,
              20);
    };
  }

  private static String words(Random random, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.toString();
  }

  private static String isbn(int i) {
    String twelve = String.format("978%09d", i);
    int sum = 0;
    for (int k = 0; k < 12; k++) {
      sum += (twelve.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
    }
    return twelve + ((10 - sum % 10) % 10);
  }
}
