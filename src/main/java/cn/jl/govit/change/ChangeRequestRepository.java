package cn.jl.govit.change;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jl.govit.rulebook.PolicyParameters.ThresholdBasis;

/** Where change requests and baselines are kept. */
public interface ChangeRequestRepository {

    /** Stores a new request with the policy parameters it was judged under. */
    void insert(ChangeRequest request, BigDecimal thresholdShare, ThresholdBasis basis);

    /** Saves a changed request if it is still at the version it was read at; answers it at its new version. */
    ChangeRequest update(ChangeRequest request);

    Optional<StoredChange> findById(UUID id);

    /** A project's requests, newest first. */
    List<StoredChange> findByProject(UUID projectId, int offset, int limit);

    long countByProject(UUID projectId);

    /** The changes in force (filed or approved), oldest first. */
    List<StoredChange> inForce(UUID projectId);

    /** The change waiting for a re-approval or the government, if any. */
    Optional<StoredChange> pending(UUID projectId);

    /** The next request number of the project, taken under a lock of the project row. */
    int nextNumber(UUID projectId);

    void insertBaseline(Baseline baseline, Instant at);

    /** A project's baselines, in order. */
    List<Baseline> baselines(UUID projectId);
}
