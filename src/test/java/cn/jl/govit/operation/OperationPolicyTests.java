package cn.jl.govit.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/** The rules on records of operation (Art. 8, 26, 35, 36) at their boundaries. */
class OperationPolicyTests {

    static final LocalDate STARTED = LocalDate.of(2025, 3, 1);
    static final LocalDate IN_OPERATION_SINCE = LocalDate.of(2026, 8, 31);

    static OperationPolicy.Facts project(ProjectStatus status, boolean classified) {
        return new OperationPolicy.Facts(status, classified, STARTED,
                status == ProjectStatus.IN_OPERATION ? IN_OPERATION_SINCE : null);
    }

    static final OperationPolicy.Facts OPERATING = project(ProjectStatus.IN_OPERATION, false);

    static Assessment assessedOn(LocalDate on) {
        return new Assessment(UUID.randomUUID(), UUID.randomUUID(), AssessmentKind.SECURITY, 1, on, "测评中心",
                AssessmentResult.PASS, null, UUID.randomUUID(), on.plusMonths(12), "rst", Instant.now());
    }

    @Test
    void contractsAndTheLogBelongToAProjectInOperation() {
        assertThat(OperationPolicy.contract(OPERATING)).isEmpty();
        for (ProjectStatus status : List.of(ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.IN_ACCEPTANCE,
                ProjectStatus.SUSPENDED, ProjectStatus.TERMINATED)) {
            List<Violation> refused = OperationPolicy.contract(project(status, false));
            assertThat(refused).extracting(Violation::rule).containsExactly("ART-35");
            assertThat(refused.get(0).args()).containsExactly(new MessageKey("enum.ProjectStatus." + status.name()));
            assertThat(OperationPolicy.record(project(status, false), IN_OPERATION_SINCE)).extracting(Violation::rule)
                    .containsExactly("ART-35");
        }
    }

    @Test
    void aLogEntryMayBeDatedOnTheDayOperationStartedButNotTheDayBefore() {
        assertThat(OperationPolicy.record(OPERATING, IN_OPERATION_SINCE)).isEmpty();
        List<Violation> before = OperationPolicy.record(OPERATING, IN_OPERATION_SINCE.minusDays(1));
        assertThat(before).extracting(Violation::item).containsExactly("occurredOn");
        assertThat(before).extracting(Violation::rule).containsExactly("ART-35");
    }

    @Test
    void anAssessmentNeedsOperationAndADateFromItsStart() {
        assertThat(OperationPolicy.assessment(project(ProjectStatus.IN_ACCEPTANCE, false), IN_OPERATION_SINCE, null))
                .extracting(Violation::rule, Violation::item).containsExactly(org.assertj.core.groups.Tuple.tuple("ART-36", "status"));
        assertThat(OperationPolicy.assessment(OPERATING, IN_OPERATION_SINCE, null)).isEmpty();
        assertThat(OperationPolicy.assessment(OPERATING, IN_OPERATION_SINCE.minusDays(1), null))
                .extracting(Violation::messageKey).containsExactly("violation.ART-36.before-operation");
    }

    @Test
    void anAssessmentMayShareTheLatestOnesDateButNotPrecedeIt() {
        Assessment latest = assessedOn(LocalDate.of(2027, 9, 1));

        assertThat(OperationPolicy.assessment(OPERATING, LocalDate.of(2027, 9, 1), latest)).isEmpty();
        assertThat(OperationPolicy.assessment(OPERATING, LocalDate.of(2027, 9, 2), latest)).isEmpty();
        assertThat(OperationPolicy.assessment(OPERATING, LocalDate.of(2027, 8, 31), latest))
                .extracting(Violation::messageKey).containsExactly("violation.ART-36.before-latest");
    }

    @Test
    void aClassifiedSystemKeepsNoMlpsRecordHere() {
        List<Violation> refused = OperationPolicy.mlps(project(ProjectStatus.IN_OPERATION, true), IN_OPERATION_SINCE);

        assertThat(refused).extracting(Violation::rule).containsExactly("ART-8");
        assertThat(refused).extracting(Violation::messageKey).containsExactly("violation.ART-8.classified-mlps");
    }

    @Test
    void mlpsRecordsFromTheAcceptanceOnAndNotBeforeConstructionStarted() {
        assertThat(OperationPolicy.mlps(project(ProjectStatus.IN_ACCEPTANCE, false), STARTED)).isEmpty();
        assertThat(OperationPolicy.mlps(OPERATING, IN_OPERATION_SINCE)).isEmpty();
        assertThat(OperationPolicy.mlps(project(ProjectStatus.UNDER_CONSTRUCTION, false), STARTED))
                .extracting(Violation::rule, Violation::item).containsExactly(org.assertj.core.groups.Tuple.tuple("ART-26", "status"));
        assertThat(OperationPolicy.mlps(OPERATING, STARTED.minusDays(1)))
                .extracting(Violation::rule, Violation::item).containsExactly(org.assertj.core.groups.Tuple.tuple("ART-26", "evaluatedOn"));
    }
}
