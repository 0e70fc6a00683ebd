package cn.jl.govit.approval;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jl.govit.project.Stage;

/** Where submissions and their filed versions are kept. */
public interface SubmissionRepository {

    void insert(Submission submission);

    /** Saves a changed submission if it is still at the version it was read at; answers it at its new version. */
    Submission update(Submission submission);

    Optional<Submission> findById(UUID id);

    Optional<Submission> find(UUID projectId, Stage stage);

    List<Submission> findByProject(UUID projectId);

    void insertVersion(SubmissionVersion version);

    List<SubmissionVersion> versions(UUID submissionId);
}
