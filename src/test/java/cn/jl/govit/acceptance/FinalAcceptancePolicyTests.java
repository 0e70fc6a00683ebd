package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.acceptance.FinalAcceptanceCondition.Status;
import cn.jl.govit.acceptance.FinalAcceptancePolicy.ConditionFacts;
import cn.jl.govit.acceptance.FinalAcceptancePolicy.ResultFacts;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.Violation;

/** Art. 24, 26 and Annex 4 §4, §5, §7: when the unit applies, when a result is recorded, delegation, conditions. */
class FinalAcceptancePolicyTests {

    private static final UUID PROJECT = UUID.randomUUID();
    private static final LocalDate APPLIED = LocalDate.of(2026, 8, 31);

    private static FinalAcceptanceApplication application(FinalAcceptanceStatus status, String... codes) {
        return new FinalAcceptanceApplication(UUID.randomUUID(), PROJECT, 1, true, APPLIED, "rst", Instant.now(),
                java.util.Arrays.stream(codes).map(c -> new FinalAcceptanceApplication.Material(c, UUID.randomUUID(), null))
                        .toList(),
                status, status == FinalAcceptanceStatus.PENDING ? null : APPLIED, null, null, null, false, 0);
    }

    private static TrialRun trialRun(LocalDate stableSince) {
        return new TrialRun(PROJECT, APPLIED.minusMonths(2), stableSince, 1, "rst", Instant.now());
    }

    private static List<String> items(List<Violation> violations) {
        return violations.stream().map(Violation::item).toList();
    }

    @Test
    void anApplicationNeedsThePassedInitialAcceptanceAndAStableTrialRun() {
        assertThat(FinalAcceptancePolicy.application(ProjectStatus.IN_ACCEPTANCE, trialRun(APPLIED), null)).isEmpty();
        assertThat(items(FinalAcceptancePolicy.application(ProjectStatus.UNDER_CONSTRUCTION, null, null)))
                .containsExactly("initialAcceptance", "trialRun");
        assertThat(items(FinalAcceptancePolicy.application(ProjectStatus.IN_ACCEPTANCE, trialRun(null), null)))
                .containsExactly("trialRun");
        assertThat(FinalAcceptancePolicy.application(ProjectStatus.UNDER_CONSTRUCTION, null, null))
                .extracting(Violation::rule).containsOnly("ART-26");
    }

    @Test
    void oneApplicationAwaitsItsResultAtATimeAndAFailedOneMayBeFollowedByAnother() {
        assertThat(items(FinalAcceptancePolicy.application(ProjectStatus.IN_ACCEPTANCE, trialRun(APPLIED),
                application(FinalAcceptanceStatus.PENDING)))).containsExactly("application");
        assertThat(FinalAcceptancePolicy.application(ProjectStatus.IN_ACCEPTANCE, trialRun(APPLIED),
                application(FinalAcceptanceStatus.FAILED))).isEmpty();
        assertThat(items(FinalAcceptancePolicy.application(ProjectStatus.IN_OPERATION, trialRun(APPLIED),
                application(FinalAcceptanceStatus.PASSED)))).containsExactly("status");
    }

    @Test
    void theResultMayBeDatedOnTheApplicationDayButNotTheDayBefore() {
        ResultFacts ready = new ResultFacts(application(FinalAcceptanceStatus.PENDING), false, true, true, true);
        assertThat(FinalAcceptancePolicy.result(ready, FinalAcceptanceOutcome.PASSED, APPLIED, null, false)).isEmpty();
        assertThat(items(FinalAcceptancePolicy.result(ready, FinalAcceptanceOutcome.PASSED, APPLIED.minusDays(1), null,
                false))).containsExactly("decidedOn");
    }

    @Test
    void theAuthorityDecidesOnlyOnACommitteeWithEveryOpinionIn() {
        FinalAcceptanceApplication pending = application(FinalAcceptanceStatus.PENDING);
        assertThat(FinalAcceptancePolicy.result(new ResultFacts(pending, false, false, false, true),
                FinalAcceptanceOutcome.PASSED, APPLIED, null, false))
                .extracting(Violation::messageKey).containsExactly("violation.ART-26.final-no-committee");
        assertThat(FinalAcceptancePolicy.result(new ResultFacts(pending, false, true, false, true),
                FinalAcceptanceOutcome.PASSED, APPLIED, null, false))
                .extracting(Violation::messageKey).containsExactly("violation.ART-26.final-opinions-pending");
        assertThat(items(FinalAcceptancePolicy.result(new ResultFacts(null, false, true, true, true),
                FinalAcceptanceOutcome.PASSED, APPLIED, null, false))).containsExactly("application");
    }

    @Test
    void aPassNeedsTheArchiveAcceptanceAndAFailureItsOpinion() {
        FinalAcceptanceApplication pending = application(FinalAcceptanceStatus.PENDING);
        List<Violation> archives = FinalAcceptancePolicy.result(new ResultFacts(pending, false, true, true, false),
                FinalAcceptanceOutcome.PASSED, APPLIED, "通过", false);
        assertThat(archives).extracting(Violation::rule).containsExactly("ART-24");
        // a failure does not need the archives, but it needs the opinion on what to rectify
        assertThat(items(FinalAcceptancePolicy.result(new ResultFacts(pending, false, true, true, false),
                FinalAcceptanceOutcome.FAILED, APPLIED, " ", false))).containsExactly("opinion");
        assertThat(FinalAcceptancePolicy.result(new ResultFacts(pending, false, true, true, false),
                FinalAcceptanceOutcome.FAILED, APPLIED, "补充测评报告", false)).isEmpty();
    }

    @Test
    void byDelegationTheUnitGivesItsOpinionAndReportAndNeedsNoCommittee() {
        ResultFacts delegated = new ResultFacts(application(FinalAcceptanceStatus.PENDING), true, false, false, true);
        assertThat(items(FinalAcceptancePolicy.result(delegated, FinalAcceptanceOutcome.PASSED, APPLIED, null, false)))
                .containsExactly("reportDocumentId", "opinion");
        assertThat(FinalAcceptancePolicy.result(delegated, FinalAcceptanceOutcome.PASSED, APPLIED, "通过", true)).isEmpty();
    }

    @Test
    void onlyASimpleOrEquipmentOnlyProjectIsDelegatedOnceWhileBuildingOrInAcceptance() {
        assertThat(FinalAcceptancePolicy.delegation(true, ProjectStatus.IN_ACCEPTANCE, null)).isEmpty();
        assertThat(FinalAcceptancePolicy.delegation(true, ProjectStatus.UNDER_CONSTRUCTION, null)).isEmpty();
        assertThat(items(FinalAcceptancePolicy.delegation(false, ProjectStatus.IN_ACCEPTANCE, null))).containsExactly("project");
        FinalAcceptanceDelegation existing = new FinalAcceptanceDelegation(UUID.randomUUID(), PROJECT, "单纯设备购置",
                APPLIED, "szsj", Instant.now());
        assertThat(items(FinalAcceptancePolicy.delegation(true, ProjectStatus.IN_ACCEPTANCE, existing)))
                .containsExactly("delegation");
        assertThat(items(FinalAcceptancePolicy.delegation(true, ProjectStatus.IN_OPERATION, null))).containsExactly("status");
    }

    @Test
    void theConditionsReadTheFactsAndOnlyTheArchivesBlock() {
        List<FinalAcceptanceCondition> none = FinalAcceptancePolicy.conditions(new ConditionFacts(false, false, null, false,
                false));
        assertThat(none).extracting(FinalAcceptanceCondition::status)
                .containsExactly(Status.NOT_MET, Status.NOT_MET, Status.NOT_MET, Status.UNKNOWN, Status.NOT_MET);
        assertThat(none).extracting(FinalAcceptanceCondition::blocking).containsExactly(false, false, false, false, true);

        // the test report alone is not enough for (1)(2): the trial-run report is needed too
        List<FinalAcceptanceCondition> partly = FinalAcceptancePolicy.conditions(new ConditionFacts(true, true,
                application(FinalAcceptanceStatus.PENDING, "AM6", "AM10"), true, false));
        assertThat(partly).extracting(FinalAcceptanceCondition::status)
                .containsExactly(Status.NOT_MET, Status.MET, Status.MET, Status.UNKNOWN, Status.NOT_MET);

        List<FinalAcceptanceCondition> all = FinalAcceptancePolicy.conditions(new ConditionFacts(true, true,
                application(FinalAcceptanceStatus.PENDING, "AM6", "AM7", "AM10"), true, true));
        assertThat(all).extracting(FinalAcceptanceCondition::status)
                .containsExactly(Status.MET, Status.MET, Status.MET, Status.UNKNOWN, Status.MET);
    }
}
