package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The project's own guard of the Art. 31 sanctions: funds suspended and released, construction suspended under
 * Art. 31 (which the Art. 22 resumption cannot end) and termination, after which it refuses every write.
 */
class ProjectSanctionTests {

    private static final LocalDate APPROVED_ON = LocalDate.of(2026, 3, 10);
    private static final LocalDate STARTED_ON = LocalDate.of(2026, 3, 20);

    private static Project draft() {
        NewProject proposal = new NewProject("测试项目", "概述", Set.of(ProjectCategory.BUSINESS_SYSTEM), List.of(),
                new BigDecimal("1000000"), 12, new ProjectFacts(List.of(new FundingLine(FundingSource.PROVINCIAL_FISCAL,
                        new BigDecimal("1000000"))), false, null, true, false, false, false, false));
        Project project = Project.propose(UUID.randomUUID(), "JLZW-2026-0001", proposal, "RST", "rst", Instant.now());
        project.pullEvents();
        return project;
    }

    private static Project approved() {
        Project project = draft();
        project.decideConstructionMode(ConstructionMode.UNIFIED, null, null, "szsj", LocalDate.of(2026, 3, 1));
        project.submitStage(Stage.FEASIBILITY_STUDY);
        project.approveStage(Stage.FEASIBILITY_STUDY, new BigDecimal("900000"), 12, APPROVED_ON);
        project.pullEvents();
        return project;
    }

    private static Project underConstruction() {
        Project project = approved();
        project.startConstruction(STARTED_ON, STARTED_ON);
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
    void suspendedFundsRefuseDisbursementsUntilReleased() {
        Project project = underConstruction();
        assertThat(project.disbursementsRefused()).isEmpty();
        project.suspendFunds("逾期未整改");
        assertThat(project.restrictions().fundsSuspended()).isTrue();
        assertThat(project.pullEvents()).containsExactly(new ProjectEvents.FundsSuspended(project.id(), "逾期未整改"));
        assertThat(project.disbursementsRefused()).extracting(v -> v.rule() + " " + v.messageKey())
                .containsExactly("ART-31 violation.ART-31.funds-suspended");
        // construction goes on: the sanction withholds money, not work
        assertThat(project.constructionRecordsRefused()).isEmpty();
        assertThat(refusals(() -> project.suspendFunds("again")))
                .containsExactly("ART-31 violation.ART-31.funds-already-suspended");
        project.resumeFunds("已整改");
        assertThat(project.disbursementsRefused()).isEmpty();
        assertThat(refusals(() -> project.resumeFunds("again")))
                .containsExactly("ART-31 violation.ART-31.funds-not-suspended");
    }

    @Test
    void fundsOfAProjectNotYetApprovedCannotBeSuspended() {
        assertThat(refusals(() -> draft().suspendFunds("x")))
                .containsExactly("ART-31 violation.ART-31.funds-not-approved");
        Project approved = approved();
        approved.suspendFunds("x");
        assertThat(approved.restrictions().fundsSuspended()).isTrue();
    }

    @Test
    void constructionSuspendedUnderArticle31ResumesOnlyUnderArticle31() {
        Project project = underConstruction();
        project.suspend("ART-31", "整改被退回");
        assertThat(project.status()).isEqualTo(ProjectStatus.SUSPENDED);
        assertThat(project.restrictions().suspensionRule()).isEqualTo("ART-31");
        assertThat(project.constructionRecordsRefused()).extracting(v -> v.rule() + " " + v.messageKey())
                .containsExactly("ART-31 violation.ART-31.construction-suspended");
        assertThat(refusals(() -> project.resume("按第二十二条恢复")))
                .containsExactly("ART-31 violation.ART-31.suspended-by-sanction");
        project.resume("ART-31", "制裁解除");
        assertThat(project.status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThat(project.restrictions().suspensionRule()).isNull();
    }

    @Test
    void anArticle22SuspensionIsNotEndedByLiftingASanction() {
        Project project = underConstruction();
        project.suspend("重大损失");
        assertThat(project.restrictions().suspensionRule()).isEqualTo("ART-22");
        assertThat(project.constructionRecordsRefused()).extracting(v -> v.rule()).containsExactly("ART-22");
        assertThat(refusals(() -> project.resume("ART-31", "x")))
                .containsExactly("ART-31 violation.ART-31.suspended-under-art-22");
        assertThat(refusals(() -> project.suspend("ART-31", "x")))
                .containsExactly("ART-31 violation.ART-31.not-suspendable");
    }

    @Test
    void aTerminatedProjectRefusesEveryWriteAndCannotBeTerminatedTwice() {
        Project project = underConstruction();
        project.suspendFunds("x");
        project.terminate(LocalDate.of(2026, 9, 1), "拒不整改");
        assertThat(project.status()).isEqualTo(ProjectStatus.TERMINATED);
        assertThat(project.restrictions().terminatedOn()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(project.writesRefused()).extracting(v -> v.rule() + " " + v.messageKey())
                .containsExactly("ART-31 violation.ART-31.terminated");
        assertThat(project.constructionRecordsRefused()).extracting(v -> v.messageKey())
                .containsExactly("violation.ART-31.terminated");
        assertThat(project.disbursementsRefused()).extracting(v -> v.messageKey())
                .containsExactly("violation.ART-31.terminated");
        assertThat(refusals(() -> project.terminate(LocalDate.of(2026, 9, 2), "again")))
                .containsExactly("ART-31 violation.ART-31.not-terminable");
        assertThat(refusals(() -> project.suspendFunds("x"))).containsExactly("ART-31 violation.ART-31.terminated");
    }

    @Test
    void aSuspendedProjectIsTerminatedAndNoLongerSuspended() {
        Project project = underConstruction();
        project.suspend("ART-31", "x");
        project.terminate(LocalDate.of(2026, 9, 1), "拒不整改");
        assertThat(project.restrictions().suspensionRule()).isNull();
        assertThat(project.pullEvents()).last().isEqualTo(new ProjectEvents.ProjectTerminated(project.id(),
                ProjectStatus.SUSPENDED, LocalDate.of(2026, 9, 1), "拒不整改"));
    }

    @Test
    void onlyAProjectInOperationOrEarlierCanBeTerminatedNotARejectedOne() {
        Project draft = draft();
        draft.terminate(LocalDate.of(2026, 4, 1), "x");
        assertThat(draft.status()).isEqualTo(ProjectStatus.TERMINATED);
        assertThat(writesAllowed(underConstruction())).isTrue();
    }

    private static boolean writesAllowed(Project project) {
        return project.writesRefused().isEmpty();
    }
}
