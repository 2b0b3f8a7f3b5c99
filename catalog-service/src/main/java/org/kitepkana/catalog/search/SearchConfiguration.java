package org.kitepkana.catalog.search;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.kitepkana.catalog.record.adapter.out.kafka.RecordEvents;
import org.kitepkana.platform.security.AccessRefused;
import org.kitepkana.platform.security.Actor;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of union-catalogue search, and its HTTP API. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean(destroyMethod = "close")
  SearchIndex searchIndex(
      @Value("${kitepkana.search.index-dir:search-index/${kitepkana.instance-id:local}}")
          String dir,
      JsonMapper json) {
    try {
      Path path = Path.of(dir).toAbsolutePath();
      Files.createDirectories(path);
      return new SearchIndex(path, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Bean
  SearchFeed searchFeed(KafkaProperties kafka, SearchIndex index, MeterRegistry meters) {
    Map<String, Object> props = kafka.buildConsumerProperties();
    return new SearchFeed(RecordEvents.TOPIC, props, index, meters);
  }

  @Bean
  CatalogSearch catalogSearch(SearchIndex index) {
    return new CatalogSearch(index);
  }

  @RestController
  static class SearchController {
    private static final int MAX_SIZE = 100;
    private final CatalogSearch search;
    private final SearchFeed feed;

    SearchController(CatalogSearch search, SearchFeed feed) {
      this.search = search;
      this.feed = feed;
    }

    @GetMapping("/api/catalog/search")
    SearchResult search(
        @RequestParam(required = false) String q,
        @RequestParam(required = false) String title,
        @RequestParam(required = false) String author,
        @RequestParam(required = false) String subject,
        @RequestParam(required = false) String isbn,
        @RequestParam(required = false) String branch,
        @RequestParam(required = false) String kind,
        @RequestParam(required = false) String language,
        @RequestParam(required = false) Integer yearFrom,
        @RequestParam(required = false) Integer yearTo,
        @RequestParam(defaultValue = "0") int page,
        @RequestParam(defaultValue = "20") int size) {
      if (page < 0 || page > 500) {
        throw ApiProblem.badRequest("page", "must be between 0 and 500");
      }
      if (size < 1 || size > MAX_SIZE) {
        throw ApiProblem.badRequest("size", "must be between 1 and " + MAX_SIZE);
      }
      if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
        throw ApiProblem.badRequest("yearTo", "must not be before yearFrom");
      }
      return search.search(
          new SearchQuery(
              q, title, author, subject, isbn, branch, kind, language, yearFrom, yearTo, page,
              size));
    }

    /** Admin command: clear this instance's index and replay the topic from the start. */
    @PostMapping("/api/catalog/search/rebuild")
    ResponseEntity<Map<String, String>> rebuild(Actor actor) {
      if (!actor.is(Actor.Role.COORDINATOR)) {
        throw new AccessRefused("only coordinators rebuild the search index");
      }
      feed.rebuild();
      return ResponseEntity.accepted()
          .body(
              Map.of(
                  "status",
                  "rebuilding from the start of " + RecordEvents.TOPIC.toLowerCase(Locale.ROOT)));
    }
  }
}
