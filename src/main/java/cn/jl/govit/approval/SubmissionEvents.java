package cn.jl.govit.approval;

import java.util.UUID;

import cn.jl.govit.project.Stage;

/** What happened to a submission, for the modules that follow it (expert review, decision, obligations). */
public final class SubmissionEvents {

    private SubmissionEvents() {
    }

    /** The construction unit filed a submission that passed its formal review; {@code revision} counts from 1. */
    public record SubmissionFiled(UUID submissionId, UUID projectId, Stage stage, int revision) {
    }

    /** The approval authority returned a filed submission for revision. */
    public record SubmissionReturned(UUID submissionId, UUID projectId, Stage stage, int revision) {
    }
}
