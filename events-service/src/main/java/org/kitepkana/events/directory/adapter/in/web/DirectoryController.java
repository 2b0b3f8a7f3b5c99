package org.kitepkana.events.directory.adapter.in.web;

import java.util.List;
import org.kitepkana.events.directory.application.Directory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What events-service knows of branches, partners and projects (public organisational data, no
 * people): lets a client see why a reference is refused, and tools wait for the read models.
 */
@RestController
@RequestMapping("/api/events/directory")
class DirectoryController {

  record BranchView(String branchId, String name, String type, long version) {}

  record PartnerView(String partnerId, String name, String type, boolean active, long version) {}

  record ProjectView(String projectId, String title, String status, long version) {}

  private final Directory directory;

  DirectoryController(Directory directory) {
    this.directory = directory;
  }

  @GetMapping("/branches")
  List<BranchView> branches() {
    return directory.allBranches().stream()
        .map(b -> new BranchView(b.id().value(), b.name(), b.type(), b.version()))
        .toList();
  }

  @GetMapping("/partners")
  List<PartnerView> partners() {
    return directory.allPartners().stream()
        .map(p -> new PartnerView(p.id().value(), p.name(), p.type(), p.active(), p.version()))
        .toList();
  }

  @GetMapping("/projects")
  List<ProjectView> projects() {
    return directory.allProjects().stream()
        .map(p -> new ProjectView(p.id().value(), p.title(), p.status(), p.version()))
        .toList();
  }
}
