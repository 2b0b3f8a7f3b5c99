package org.kitepkana.catalog.feed;

import org.kitepkana.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delta feed over HTTP: {@code GET /api/catalog/changes?after=<cursor>&limit=100}. */
@RestController
class ChangeFeedController {

  private static final int MAX_LIMIT = 1000;

  private final ChangeFeed feed;

  ChangeFeedController(ChangeFeed feed) {
    this.feed = feed;
  }

  @GetMapping("/api/catalog/changes")
  ChangeFeed.Page changes(
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) String excludeBranch) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiProblem.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
    }
    try {
      return feed.read(after, limit, excludeBranch);
    } catch (ChangeFeed.InvalidCursorException e) {
      throw ApiProblem.badRequest("after", e.getMessage());
    }
  }
}
