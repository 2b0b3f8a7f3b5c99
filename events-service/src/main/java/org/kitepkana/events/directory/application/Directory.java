package org.kitepkana.events.directory.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kitepkana.events.directory.domain.KnownBranch;
import org.kitepkana.events.directory.domain.KnownPartner;
import org.kitepkana.events.directory.domain.KnownProject;
import org.kitepkana.events.shared.domain.BranchId;
import org.kitepkana.events.shared.domain.PartnerId;
import org.kitepkana.events.shared.domain.ProjectId;

/**
 * The local read models of branches, partners and projects. Applying is idempotent: an entry is
 * replaced only by a higher version, so duplicates and replays from offset zero change nothing.
 */
public interface Directory {

  /** Stores the branch unless a version at least as high is stored; true if it changed. */
  boolean apply(KnownBranch branch);

  boolean apply(KnownPartner partner);

  boolean apply(KnownProject project);

  Optional<KnownBranch> branch(BranchId id);

  /** The known ones among {@code ids}. */
  Map<BranchId, KnownBranch> branches(Collection<BranchId> ids);

  List<KnownBranch> allBranches();

  Map<PartnerId, KnownPartner> partners(Collection<PartnerId> ids);

  List<KnownPartner> allPartners();

  Optional<KnownProject> project(ProjectId id);

  List<KnownProject> allProjects();
}
