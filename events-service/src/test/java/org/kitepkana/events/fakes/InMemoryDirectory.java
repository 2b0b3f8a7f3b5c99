package org.kitepkana.events.fakes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.events.directory.application.Directory;
import org.kitepkana.events.directory.domain.KnownBranch;
import org.kitepkana.events.directory.domain.KnownPartner;
import org.kitepkana.events.directory.domain.KnownProject;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.PartnerId;
import org.kitepkana.events.shared.domain.ProjectId;

/** The directory read models in memory; higher versions win, as in MongoDB. */
public final class InMemoryDirectory implements Directory {

  private final Map<BranchId, KnownBranch> branches = new LinkedHashMap<>();
  private final Map<PartnerId, KnownPartner> partners = new LinkedHashMap<>();
  private final Map<ProjectId, KnownProject> projects = new LinkedHashMap<>();

  public InMemoryDirectory withBranches(String... ids) {
    for (String id : ids) {
      apply(new KnownBranch(new BranchId(id), "Китепкана " + id, "DISTRICT", 1));
    }
    return this;
  }

  @Override
  public synchronized boolean apply(KnownBranch b) {
    KnownBranch old = branches.get(b.id());
    if (old != null && old.version() >= b.version()) {
      return false;
    }
    branches.put(b.id(), b);
    return true;
  }

  @Override
  public synchronized boolean apply(KnownPartner p) {
    KnownPartner old = partners.get(p.id());
    if (old != null && old.version() >= p.version()) {
      return false;
    }
    partners.put(p.id(), p);
    return true;
  }

  @Override
  public synchronized boolean apply(KnownProject p) {
    KnownProject old = projects.get(p.id());
    if (old != null && old.version() >= p.version()) {
      return false;
    }
    projects.put(p.id(), p);
    return true;
  }

  @Override
  public synchronized Optional<KnownBranch> branch(BranchId id) {
    return Optional.ofNullable(branches.get(id));
  }

  @Override
  public synchronized Map<BranchId, KnownBranch> branches(Collection<BranchId> ids) {
    Map<BranchId, KnownBranch> found = new LinkedHashMap<>();
    ids.stream().filter(branches::containsKey).forEach(id -> found.put(id, branches.get(id)));
    return found;
  }

  @Override
  public synchronized List<KnownBranch> allBranches() {
    return List.copyOf(branches.values());
  }

  @Override
  public synchronized Map<PartnerId, KnownPartner> partners(Collection<PartnerId> ids) {
    Map<PartnerId, KnownPartner> found = new LinkedHashMap<>();
    ids.stream().filter(partners::containsKey).forEach(id -> found.put(id, partners.get(id)));
    return found;
  }

  @Override
  public synchronized List<KnownPartner> allPartners() {
    return List.copyOf(partners.values());
  }

  @Override
  public synchronized Optional<KnownProject> project(ProjectId id) {
    return Optional.ofNullable(projects.get(id));
  }

  @Override
  public synchronized List<KnownProject> allProjects() {
    return List.copyOf(projects.values());
  }
}
