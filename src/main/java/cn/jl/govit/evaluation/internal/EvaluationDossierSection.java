package cn.jl.govit.evaluation.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.evaluation.PostEvaluation;
import cn.jl.govit.evaluation.PostEvaluations;
import cn.jl.govit.evaluation.SelfEvaluation;
import cn.jl.govit.evaluation.SelfEvaluationVersion;
import cn.jl.govit.evaluation.SelfEvaluations;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/evaluation.json} of the archive package: the self-evaluation with every submitted version and the
 * authority's decisions (Art. 28) and the third-party post-evaluations, for a project that went into operation.
 * The findings raised from them are supervision findings with source EVALUATION and are in
 * {@code metadata/findings.json} once, with the others (Art. 32).
 */
@Component
class EvaluationDossierSection implements DossierSection {

    private final SelfEvaluations selfEvaluations;
    private final PostEvaluations postEvaluations;

    EvaluationDossierSection(SelfEvaluations selfEvaluations, PostEvaluations postEvaluations) {
        this.selfEvaluations = selfEvaluations;
        this.postEvaluations = postEvaluations;
    }

    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public boolean appliesTo(Project project) {
        return project.operationStartedOn() != null;
    }

    @Override
    public Object content(UUID projectId) {
        return new Content(selfEvaluations.forProject(projectId).stream()
                .map(s -> new SelfEvaluationRecord(s, selfEvaluations.versions(s.id()))).toList(),
                postEvaluations.forProject(projectId));
    }

    record Content(List<SelfEvaluationRecord> selfEvaluations, List<PostEvaluation> postEvaluations) {
    }

    /** The report as it stands, whether it was late, and its submitted versions, oldest first. */
    record SelfEvaluationRecord(SelfEvaluation report, boolean late, List<SelfEvaluationVersion> versions) {

        SelfEvaluationRecord(SelfEvaluation report, List<SelfEvaluationVersion> versions) {
            this(report, report.late(), versions);
        }
    }
}
