package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/** The project's own guard of its approval stages (Art. 7, 9). */
class ProjectApprovalStagesTests {

    private static Project project(boolean inPlan, boolean simple) {
        NewProject proposal = new NewProject("测试项目", "概述", Set.of(ProjectCategory.BUSINESS_SYSTEM), List.of(),
                new BigDecimal("1000000"), 12, new ProjectFacts(List.of(new FundingLine(FundingSource.PROVINCIAL_FISCAL,
                        new BigDecimal("1000000"))), inPlan, null, simple, false, false, false, false));
        return Project.propose(UUID.randomUUID(), "JLZW-2026-0001", proposal, "RST", "rst", Instant.now());
    }

    private static Project decided(boolean inPlan, boolean simple) {
        Project project = project(inPlan, simple);
        project.decideConstructionMode(ConstructionMode.UNIFIED, null, null, "szsj", LocalDate.of(2026, 3, 1));
        return project;
    }

    private static List<String> rules(Runnable action) {
        try {
            action.run();
        }
        catch (RuleViolationException e) {
            return e.violations().stream().map(Violation::messageKey).toList();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void noSubmissionBeforeTheConstructionModeIsSettled() {
        Project project = project(true, false);
        assertThat(rules(() -> project.submitStage(Stage.FEASIBILITY_STUDY))).containsExactly("violation.ART-7.mode-not-decided");
        assertThat(project.status()).isEqualTo(ProjectStatus.DRAFT);
    }

    @Test
    void theFirstSubmissionMovesTheProjectIntoApproval() {
        Project project = decided(true, false);
        project.submitStage(Stage.FEASIBILITY_STUDY);
        assertThat(project.status()).isEqualTo(ProjectStatus.IN_APPROVAL);
    }

    @Test
    void aStageOffThePathOrOutOfOrderIsRefused() {
        Project project = decided(true, false);
        assertThat(rules(() -> project.submitStage(Stage.PROPOSAL))).containsExactly("violation.ART-9.stage-not-on-path");
        assertThat(rules(() -> project.submitStage(Stage.PRELIMINARY_DESIGN))).containsExactly("violation.ART-9.earlier-stage-first");
    }

    @Test
    void approvingAnEarlierStageKeepsTheProjectInApproval() {
        Project project = decided(true, false);
        project.submitStage(Stage.FEASIBILITY_STUDY);
        project.approveStage(Stage.FEASIBILITY_STUDY, new BigDecimal("950000"), null, java.time.LocalDate.of(2026, 1, 5));
        assertThat(project.status()).isEqualTo(ProjectStatus.IN_APPROVAL);
        assertThat(project.approvedEstimate()).isNull();
        assertThat(project.nextStage()).isEqualTo(Stage.PRELIMINARY_DESIGN);
        assertThat(rules(() -> project.approveStage(Stage.FEASIBILITY_STUDY, BigDecimal.ONE, null, java.time.LocalDate.of(2026, 1, 5))))
                .containsExactly("violation.ART-9.stage-approved");
    }

    @Test
    void approvingTheLastStageSetsTheApprovedEstimate() {
        Project project = decided(false, true);
        project.submitStage(Stage.FEASIBILITY_STUDY);
        project.approveStage(Stage.FEASIBILITY_STUDY, new BigDecimal("900000.50"), null, java.time.LocalDate.of(2026, 1, 5));
        assertThat(project.status()).isEqualTo(ProjectStatus.APPROVED);
        assertThat(project.approvedEstimate()).isEqualByComparingTo("900000.50");
        assertThat(project.nextStage()).isNull();
        assertThat(project.pullEvents()).anyMatch(e -> e instanceof ProjectEvents.ProjectApproved);
    }

    @Test
    void nothingIsApprovedOutsideApprovalAndARejectionEndsIt() {
        Project draft = decided(true, false);
        assertThat(rules(() -> draft.approveStage(Stage.FEASIBILITY_STUDY, BigDecimal.ONE, null, java.time.LocalDate.of(2026, 1, 5))))
                .containsExactly("violation.ART-9.not-in-approval");
        draft.submitStage(Stage.FEASIBILITY_STUDY);
        draft.reject(Stage.FEASIBILITY_STUDY);
        assertThat(draft.status()).isEqualTo(ProjectStatus.REJECTED);
        assertThatThrownBy(() -> draft.submitStage(Stage.FEASIBILITY_STUDY)).isInstanceOf(RuleViolationException.class);
    }
}
