package org.kitepkana.partnership.library.adapter.in.web;

import java.util.List;
import org.kitepkana.partnership.library.application.LibraryDirectory;
import org.kitepkana.partnership.library.domain.Library;
import org.kitepkana.partnership.library.domain.LibraryId;
import org.kitepkana.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The libraries partnership-service knows (its copy of the public branch directory), so a client
 * can see which library ids it accepts. Public information: anyone may read it.
 */
@RestController
@RequestMapping("/api/partnerships/libraries")
class LibraryController {

  /** A library as partnership-service knows it. */
  record LibraryResponse(
      String id, String name, String type, String parentId, String district, long version) {
    static LibraryResponse of(Library l) {
      return new LibraryResponse(
          l.id().value(), l.name(), l.type(), l.parentId(), l.district(), l.version());
    }
  }

  private final LibraryDirectory directory;

  LibraryController(LibraryDirectory directory) {
    this.directory = directory;
  }

  @GetMapping
  List<LibraryResponse> all() {
    return directory.all().stream().map(LibraryResponse::of).toList();
  }

  @GetMapping("/{libraryId}")
  LibraryResponse one(@PathVariable String libraryId) {
    if (!LibraryId.isValid(libraryId)) {
      throw ApiProblem.notFound("No library " + libraryId);
    }
    return directory
        .find(new LibraryId(libraryId))
        .map(LibraryResponse::of)
        .orElseThrow(() -> ApiProblem.notFound("No library " + libraryId));
  }
}
