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

/** The project's own guard of acceptance and operation (Art. 26, Annex 4 §5–7). */
class ProjectAcceptanceTests {

    private static final LocalDate STARTED_ON = LocalDate.of(2026, 4, 1);
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 30);

    private static Project underConstruction() {
        NewProject proposal = new NewProject("测试项目", "概述", Set.of(ProjectCategory.BUSINESS_SYSTEM), List.of(),
                new BigDecimal("1000000"), 12, new ProjectFacts(List.of(new FundingLine(FundingSource.PROVINCIAL_FISCAL,
                        new BigDecimal("1000000"))), false, null, true, false, false, false, false));
        Project project = Project.propose(UUID.randomUUID(), "JLZW-2026-0002", proposal, "RST", "rst", Instant.now());
        project.decideConstructionMode(ConstructionMode.UNIFIED, null, null, "szsj", LocalDate.of(2026, 3, 1));
        project.submitStage(Stage.FEASIBILITY_STUDY);
        project.approveStage(Stage.FEASIBILITY_STUDY, new BigDecimal("900000"), 12, LocalDate.of(2026, 3, 10));
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
    void passingTheInitialAcceptanceMovesTheProjectIntoAcceptance() {
        Project project = underConstruction();
        project.enterAcceptance(STARTED_ON, TODAY);
        assertThat(project.status()).isEqualTo(ProjectStatus.IN_ACCEPTANCE);
        assertThat(project.initialAcceptedOn()).isEqualTo(STARTED_ON);
        assertThat(project.pullEvents()).containsExactly(new ProjectEvents.InitialAcceptancePassed(project.id(), STARTED_ON));
    }

    @Test
    void theInitialAcceptanceIsNeitherBeforeTheStartNorInTheFuture() {
        Project project = underConstruction();
        assertThat(refusals(() -> project.enterAcceptance(STARTED_ON.minusDays(1), TODAY)))
                .containsExactly("ART-26 violation.ART-26.before-start");
        assertThatThrownBy(() -> project.enterAcceptance(TODAY.plusDays(1), TODAY))
                .isInstanceOf(InvalidInputException.class);
        project.enterAcceptance(TODAY, TODAY);
        assertThat(project.status()).isEqualTo(ProjectStatus.IN_ACCEPTANCE);
    }

    @Test
    void aSuspendedProjectOrOneNotUnderConstructionCannotEnterAcceptance() {
        Project suspended = underConstruction();
        suspended.suspend("严重滞后");
        assertThat(refusals(() -> suspended.enterAcceptance(TODAY, TODAY))).containsExactly("ART-22 violation.ART-22.suspended");
        Project accepted = underConstruction();
        accepted.enterAcceptance(TODAY, TODAY);
        assertThat(refusals(() -> accepted.enterAcceptance(TODAY, TODAY)))
                .containsExactly("ART-26 violation.ART-26.not-under-construction");
    }

    @Test
    void passingTheFinalAcceptanceStartsOperationNotBeforeTheInitialAcceptance() {
        Project project = underConstruction();
        LocalDate initial = LocalDate.of(2027, 3, 31);
        project.enterAcceptance(initial, TODAY);
        project.pullEvents();
        assertThat(refusals(() -> project.startOperation(initial.minusDays(1), TODAY)))
                .containsExactly("ART-26 violation.ART-26.before-initial-acceptance");
        assertThatThrownBy(() -> project.startOperation(TODAY.plusDays(1), TODAY)).isInstanceOf(InvalidInputException.class);
        project.startOperation(initial, TODAY);
        assertThat(project.status()).isEqualTo(ProjectStatus.IN_OPERATION);
        assertThat(project.operationStartedOn()).isEqualTo(initial);
        assertThat(project.pullEvents()).containsExactly(new ProjectEvents.OperationStarted(project.id(), initial));
    }

    @Test
    void onlyAProjectInAcceptanceStartsOperation() {
        Project project = underConstruction();
        assertThat(refusals(() -> project.startOperation(TODAY, TODAY)))
                .containsExactly("ART-26 violation.ART-26.not-in-acceptance");
        assertThat(project.status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
    }
}
