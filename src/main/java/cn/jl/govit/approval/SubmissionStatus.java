package cn.jl.govit.approval;

/** Where a submission stands: prepared, filed after its formal review passed, or returned for revision. */
public enum SubmissionStatus {
    DRAFT, SUBMITTED, RETURNED;

    /** The construction unit edits a draft and a returned submission, nothing else. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
