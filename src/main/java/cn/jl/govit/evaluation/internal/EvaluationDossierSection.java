package cn.jl.govit.evaluation.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.evaluation.EvaluationFinding;
import cn.jl.govit.evaluation.EvaluationFindings;
import cn.jl.govit.evaluation.PostEvaluation;
import cn.jl.govit.evaluation.PostEvaluations;
import cn.jl.govit.evaluation.SelfEvaluation;
import cn.jl.govit.evaluation.SelfEvaluationVersion;
import cn.jl.govit.evaluation.SelfEvaluations;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/evaluation.json} of the archive package: the self-evaluation with every submitted version and the
 * authority's decisions (Art. 28), the third-party post-evaluations, and the evaluation findings with every
 * rectification and review (Art. 32), for a project that went into operation.
 */
@Component
class EvaluationDossierSection implements DossierSection {

    private final SelfEvaluations selfEvaluations;
    private final PostEvaluations postEvaluations;
    private final EvaluationFindings findings;

    EvaluationDossierSection(SelfEvaluations selfEvaluations, PostEvaluations postEvaluations,
            EvaluationFindings findings) {
        this.selfEvaluations = selfEvaluations;
        this.postEvaluations = postEvaluations;
        this.findings = findings;
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
                postEvaluations.forProject(projectId), findings.forProject(projectId));
    }

    record Content(List<SelfEvaluationRecord> selfEvaluations, List<PostEvaluation> postEvaluations,
            List<EvaluationFinding> findings) {
    }

    /** The report as it stands, whether it was late, and its submitted versions, oldest first. */
    record SelfEvaluationRecord(SelfEvaluation report, boolean late, List<SelfEvaluationVersion> versions) {

        SelfEvaluationRecord(SelfEvaluation report, List<SelfEvaluationVersion> versions) {
            this(report, report.late(), versions);
        }
    }
}
