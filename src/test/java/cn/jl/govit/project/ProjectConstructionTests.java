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

import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/** The project's own guard of the construction phase: start (Art. 14), suspension (Art. 22), estimate (Art. 23). */
class ProjectConstructionTests {

    private static final LocalDate APPROVED_ON = LocalDate.of(2026, 3, 10);

    /** A simple project approved on 10 March 2026 with 900,000 yuan for {@code months} months. */
    private static Project approved(Integer months) {
        NewProject proposal = new NewProject("测试项目", "概述", Set.of(ProjectCategory.BUSINESS_SYSTEM), List.of(),
                new BigDecimal("1000000"), 12, new ProjectFacts(List.of(new FundingLine(FundingSource.PROVINCIAL_FISCAL,
                        new BigDecimal("1000000"))), false, null, true, false, false, false, false));
        Project project = Project.propose(UUID.randomUUID(), "JLZW-2026-0001", proposal, "RST", "rst", Instant.now());
        project.decideConstructionMode(ConstructionMode.UNIFIED, null, null, "szsj", LocalDate.of(2026, 3, 1));
        project.submitStage(Stage.FEASIBILITY_STUDY);
        project.approveStage(Stage.FEASIBILITY_STUDY, new BigDecimal("900000"), months, APPROVED_ON);
        project.pullEvents();
        return project;
    }

    private static List<String> refusals(Runnable action) {
        try {
            action.run();
        }
        catch (RuleViolationException e) {
            return e.violations().stream().map(v -> v.rule() + " " + v.messageKey()).toList();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void theApprovalSetsTheEstimatePeriodAndDate() {
        Project project = approved(18);
        assertThat(project.status()).isEqualTo(ProjectStatus.APPROVED);
        assertThat(project.approvedEstimate()).isEqualByComparingTo("900000");
        assertThat(project.approvedConstructionPeriodMonths()).isEqualTo(18);
        assertThat(project.approvedOn()).isEqualTo(APPROVED_ON);
        assertThat(project.plannedCompletion()).isNull();
    }

    @Test
    void withoutAnApprovedPeriodTheProposedOneApplies() {
        assertThat(approved(null).approvedConstructionPeriodMonths()).isEqualTo(12);
    }

    @Test
    void constructionMayStartOnTheDayOfTheApprovalAndRunsForTheApprovedPeriod() {
        Project project = approved(13);
        project.startConstruction(APPROVED_ON, APPROVED_ON);
        assertThat(project.status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThat(project.constructionStartedOn()).isEqualTo(APPROVED_ON);
        assertThat(project.plannedCompletion()).isEqualTo(LocalDate.of(2027, 4, 10));
        assertThat(project.pullEvents()).containsExactly(new ProjectEvents.ConstructionStarted(project.id(), APPROVED_ON, 13,
                LocalDate.of(2027, 4, 10)));
        assertThat(project.constructionRecordsRefused()).isEmpty();
    }

    @Test
    void theDayBeforeTheApprovalIsRefused() {
        Project project = approved(18);
        assertThat(refusals(() -> project.startConstruction(APPROVED_ON.minusDays(1), APPROVED_ON.plusDays(5))))
                .containsExactly("ART-14 violation.ART-14.before-approval");
        assertThat(project.status()).isEqualTo(ProjectStatus.APPROVED);
    }

    @Test
    void todayIsAllowedTomorrowIsAFormatError() {
        LocalDate today = LocalDate.of(2026, 4, 1);
        assertThatThrownBy(() -> approved(18).startConstruction(today.plusDays(1), today))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("startedOn"));
        Project project = approved(18);
        project.startConstruction(today, today);
        assertThat(project.constructionStartedOn()).isEqualTo(today);
    }

    @Test
    void onlyAnApprovedProjectStartsAndOnlyOnce() {
        Project project = approved(18);
        project.startConstruction(APPROVED_ON, APPROVED_ON);
        assertThat(refusals(() -> project.startConstruction(APPROVED_ON, APPROVED_ON)))
                .containsExactly("ART-14 violation.ART-14.not-approved");
    }

    @Test
    void anApprovedProjectTakesNoConstructionRecordsBeforeItStarts() {
        assertThat(approved(18).constructionRecordsRefused()).extracting(Violation::rule).containsExactly("ART-14");
    }

    @Test
    void aSuspendedProjectRefusesConstructionRecordsUntilResumed() {
        Project project = approved(18);
        project.startConstruction(APPROVED_ON, APPROVED_ON);
        project.suspend("严重滞后");
        assertThat(project.status()).isEqualTo(ProjectStatus.SUSPENDED);
        assertThat(project.constructionRecordsRefused()).extracting(Violation::rule).containsExactly("ART-22");
        assertThat(refusals(() -> project.suspend("again"))).containsExactly("ART-22 violation.ART-22.not-suspendable");
        project.resume("整改完成");
        assertThat(project.status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThat(project.constructionRecordsRefused()).isEmpty();
        assertThat(refusals(() -> project.resume("again"))).containsExactly("ART-22 violation.ART-22.not-suspended");
    }

    @Test
    void theEstimateIsRevisedOnlyBetweenApprovalAndAcceptance() {
        Project project = approved(18);
        project.startConstruction(APPROVED_ON, APPROVED_ON);
        project.pullEvents();
        project.reviseApprovedEstimate(new BigDecimal("1100000"), "吉政数审〔2026〕3号");
        assertThat(project.approvedEstimate()).isEqualByComparingTo("1100000");
        assertThat(project.pullEvents()).containsExactly(new ProjectEvents.ApprovedEstimateRevised(project.id(),
                new BigDecimal("900000"), new BigDecimal("1100000"), "吉政数审〔2026〕3号"));

        NewProject proposal = new NewProject("草稿", null, Set.of(ProjectCategory.BUSINESS_SYSTEM), List.of(),
                BigDecimal.TEN, 12, new ProjectFacts(List.of(new FundingLine(FundingSource.PROVINCIAL_FISCAL, BigDecimal.TEN)),
                        false, null, true, false, false, false, false));
        Project draft = Project.propose(UUID.randomUUID(), "JLZW-2026-0002", proposal, "RST", "rst", Instant.now());
        assertThat(refusals(() -> draft.reviseApprovedEstimate(BigDecimal.ONE, "x")))
                .containsExactly("ART-23 violation.ART-23.not-in-construction");
    }

    @Test
    void aReapprovalMayChangeThePeriodAndThePlannedCompletionMovesWithIt() {
        Project project = approved(12);
        project.startConstruction(APPROVED_ON, APPROVED_ON);
        project.pullEvents();
        project.reviseApproval(new BigDecimal("900000"), 12, "same period");
        assertThat(project.pullEvents()).hasSize(1).allMatch(e -> e instanceof ProjectEvents.ApprovedEstimateRevised);

        project.reviseApproval(new BigDecimal("950000"), 18, "吉政数审〔2026〕9号");
        assertThat(project.approvedConstructionPeriodMonths()).isEqualTo(18);
        assertThat(project.plannedCompletion()).isEqualTo(APPROVED_ON.plusMonths(18));
        assertThat(project.pullEvents()).contains(new ProjectEvents.ConstructionPeriodRevised(project.id(), 12, 18,
                APPROVED_ON, APPROVED_ON.plusMonths(18), "吉政数审〔2026〕9号"));
    }
}
