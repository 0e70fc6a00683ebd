package cn.jl.govit.project;

import java.util.List;
import java.util.Objects;

import cn.jl.govit.rulebook.Reason;

/**
 * The stages a project must pass for approval (Art. 9), with every reason that led to them.
 *
 * @param legalBasis for {@link ApprovalPathType#LEGAL_SIMPLIFICATION}: the law or regulation relied on
 */
public record ApprovalPath(ApprovalPathType type, List<Stage> stages, List<Reason> reasons, String legalBasis) {

    public ApprovalPath {
        Objects.requireNonNull(type, "type");
        stages = List.copyOf(stages);
        reasons = List.copyOf(reasons);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("an approval path has at least one stage");
        }
    }

    public Stage lastStage() {
        return stages.get(stages.size() - 1);
    }

    public boolean includes(Stage stage) {
        return stages.contains(stage);
    }
}
