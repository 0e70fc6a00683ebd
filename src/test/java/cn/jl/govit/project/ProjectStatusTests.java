package cn.jl.govit.project;

import static cn.jl.govit.project.ProjectStatus.APPROVED;
import static cn.jl.govit.project.ProjectStatus.DRAFT;
import static cn.jl.govit.project.ProjectStatus.IN_ACCEPTANCE;
import static cn.jl.govit.project.ProjectStatus.IN_APPROVAL;
import static cn.jl.govit.project.ProjectStatus.IN_OPERATION;
import static cn.jl.govit.project.ProjectStatus.REJECTED;
import static cn.jl.govit.project.ProjectStatus.SUSPENDED;
import static cn.jl.govit.project.ProjectStatus.TERMINATED;
import static cn.jl.govit.project.ProjectStatus.UNDER_CONSTRUCTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle's allowed moves (Art. 3), written out once more by hand so that a change to them is seen. */
class ProjectStatusTests {

    private static final Map<ProjectStatus, Set<ProjectStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(IN_APPROVAL, TERMINATED),
            IN_APPROVAL, EnumSet.of(APPROVED, REJECTED, TERMINATED),
            APPROVED, EnumSet.of(UNDER_CONSTRUCTION, IN_APPROVAL, TERMINATED),
            UNDER_CONSTRUCTION, EnumSet.of(SUSPENDED, IN_ACCEPTANCE, TERMINATED),
            SUSPENDED, EnumSet.of(UNDER_CONSTRUCTION, IN_ACCEPTANCE, TERMINATED),
            IN_ACCEPTANCE, EnumSet.of(IN_OPERATION, SUSPENDED, TERMINATED),
            IN_OPERATION, EnumSet.of(TERMINATED),
            REJECTED, EnumSet.noneOf(ProjectStatus.class),
            TERMINATED, EnumSet.noneOf(ProjectStatus.class));

    @ParameterizedTest
    @EnumSource(ProjectStatus.class)
    void eachStatusAllowsExactlyItsMovesAndRefusesEveryOther(ProjectStatus from) {
        for (ProjectStatus to : ProjectStatus.values()) {
            assertThat(from.canMoveTo(to)).as("%s → %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
        }
        assertThat(from.next()).isEqualTo(ALLOWED.get(from));
    }

    @Test
    void noStatusMovesToItself() {
        for (ProjectStatus status : ProjectStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void rejectedAndTerminatedAreFinal() {
        assertThat(REJECTED.next()).isEmpty();
        assertThat(TERMINATED.next()).isEmpty();
    }

    @Test
    void everyStatusButTheFinalOnesCanBeTerminated() {
        for (ProjectStatus status : EnumSet.complementOf(EnumSet.of(REJECTED, TERMINATED))) {
            assertThat(status.canMoveTo(TERMINATED)).as(status.name()).isTrue();
        }
    }

    @Test
    void aDraftCannotSkipApproval() {
        assertThat(DRAFT.canMoveTo(APPROVED)).isFalse();
        assertThat(DRAFT.canMoveTo(UNDER_CONSTRUCTION)).isFalse();
        assertThat(IN_APPROVAL.canMoveTo(UNDER_CONSTRUCTION)).isFalse();
        assertThat(UNDER_CONSTRUCTION.canMoveTo(IN_OPERATION)).isFalse();
        assertThat(IN_OPERATION.canMoveTo(DRAFT)).isFalse();
    }

    @Test
    void theHandWrittenTableCoversEveryStatus() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(ProjectStatus.values());
    }
}
