package cn.jl.govit.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Reason;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 9: proposal → feasibility study → preliminary design, unless a simplification applies:
 * (1) in the provincial plan ⇒ start at the feasibility study; (2) an emergency of public health or social
 * safety ⇒ one merged submission, only the preliminary design approved; (3) single content, simple
 * technology or pure equipment purchase ⇒ the feasibility study only; (4) other legal simplifications,
 * chosen by the authority with the legal basis recorded. When several apply, the shortest lawful path
 * wins; between equally short ones, the one whose document asks less (the feasibility study of (3) over
 * the preliminary design with its added necessity and feasibility parts of (2)).
 */
public final class ApprovalPathPolicy {

    private record Candidate(ApprovalPathType type, List<Stage> stages, int preference, Reason reason) {
    }

    public ApprovalPath derive(ProjectFacts facts) {
        List<Candidate> lawful = new ArrayList<>();
        if (facts.simpleOrEquipmentOnly()) {
            lawful.add(new Candidate(ApprovalPathType.SIMPLE, List.of(Stage.FEASIBILITY_STUDY), 0,
                    Reason.of("ART-9-3", "reason.ART-9-3.simple")));
        }
        if (facts.emergency() != null) {
            lawful.add(new Candidate(ApprovalPathType.EMERGENCY, List.of(Stage.PRELIMINARY_DESIGN), 1,
                    Reason.of("ART-9-2", "reason.ART-9-2.emergency", new MessageKey("enum.EmergencyType." + facts.emergency().name()))));
        }
        if (facts.inProvincialPlan()) {
            lawful.add(new Candidate(ApprovalPathType.IN_PLAN, List.of(Stage.FEASIBILITY_STUDY, Stage.PRELIMINARY_DESIGN), 2,
                    Reason.of("ART-9-1", "reason.ART-9-1.in-plan")));
        }
        if (lawful.isEmpty()) {
            return new ApprovalPath(ApprovalPathType.STANDARD,
                    List.of(Stage.PROPOSAL, Stage.FEASIBILITY_STUDY, Stage.PRELIMINARY_DESIGN),
                    List.of(Reason.of("ART-9", "reason.ART-9.standard")), null);
        }
        Candidate chosen = lawful.stream()
                .min(Comparator.comparingInt((Candidate c) -> c.stages().size()).thenComparingInt(Candidate::preference))
                .orElseThrow();
        List<Reason> reasons = new ArrayList<>(lawful.stream().map(Candidate::reason).toList());
        if (lawful.size() > 1) {
            reasons.add(Reason.of("ART-9", "reason.ART-9.shortest", new MessageKey("enum.ApprovalPathType." + chosen.type().name())));
        }
        return new ApprovalPath(chosen.type(), chosen.stages(), reasons, null);
    }

    /**
     * Art. 9 (4): the stages the authority sets under another legal simplification, kept in lifecycle order.
     * It must shorten the derived path, keep only stages of that path (a simplification drops stages, it
     * does not bring back one that (1)–(3) replaced), and name its legal basis. A stage named twice counts once.
     */
    public List<Violation> checkLegalSimplification(ApprovalPath derived, List<Stage> stages,
            String legalBasis) {
        List<Violation> violations = new ArrayList<>();
        if (legalBasis == null || legalBasis.isBlank()) {
            violations.add(Violation.of("ART-9-4", "legalBasis", "violation.ART-9-4.basis"));
        }
        List<Stage> distinct = stages == null ? List.of() : stages.stream().distinct().toList();
        if (distinct.isEmpty()) {
            violations.add(Violation.of("ART-9-4", "stages", "violation.ART-9-4.no-stage"));
            return violations;
        }
        for (Stage stage : distinct) {
            if (!derived.includes(stage)) {
                violations.add(Violation.of("ART-9-4", "stages", "violation.ART-9-4.not-in-path",
                        new MessageKey("enum.Stage." + stage.name())));
            }
        }
        if (distinct.size() >= derived.stages().size()) {
            violations.add(Violation.of("ART-9-4", "stages", "violation.ART-9-4.not-shorter",
                    derived.stages().size()));
        }
        return violations;
    }

    public ApprovalPath legalSimplification(ApprovalPath derived, List<Stage> stages, String legalBasis) {
        List<Stage> ordered = stages.stream().distinct().sorted().toList();
        List<Reason> reasons = new ArrayList<>(derived.reasons());
        reasons.add(Reason.of("ART-9-4", "reason.ART-9-4.legal", legalBasis.strip()));
        return new ApprovalPath(ApprovalPathType.LEGAL_SIMPLIFICATION, ordered, reasons, legalBasis.strip());
    }
}
