package cn.jl.govit.acceptance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.acceptance.FinalAcceptanceCondition.Status;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 24, 26 and Annex 4 §4, §5, §7: when the construction unit may apply for final acceptance, when a result may be
 * recorded on its application, when the authority may delegate the acceptance, and which of the conditions for final
 * acceptance the platform sees met. Every method returns every violation at once and never throws.
 */
public final class FinalAcceptancePolicy {

    static final String RULE = "ART-26";
    static final String ARCHIVE_RULE = "ART-24";

    private FinalAcceptancePolicy() {
    }

    /**
     * The application needs a passed initial acceptance (the project in acceptance), a trial run recorded stable,
     * and no application awaiting its result (Art. 26, Annex 4 §1).
     */
    public static List<Violation> application(ProjectStatus status, TrialRun trialRun, FinalAcceptanceApplication latest) {
        List<Violation> violations = new ArrayList<>();
        if (status == ProjectStatus.IN_OPERATION) {
            return List.of(Violation.of(RULE, "status", "violation.ART-26.final-already-passed"));
        }
        if (status != ProjectStatus.IN_ACCEPTANCE) {
            violations.add(Violation.of(RULE, "initialAcceptance", "violation.ART-26.final-no-initial-acceptance"));
        }
        if (trialRun == null || !trialRun.stable()) {
            violations.add(Violation.of(RULE, "trialRun", "violation.ART-26.final-trial-run-not-stable"));
        }
        if (latest != null && latest.pending()) {
            violations.add(Violation.of(RULE, "application", "violation.ART-26.final-application-pending",
                    latest.number(), latest.appliedOn().toString()));
        }
        return violations;
    }

    /** What a result needs besides the archive gate, whoever decides it. */
    public record ResultFacts(FinalAcceptanceApplication pending, boolean delegated, boolean committeeFormed,
            boolean opinionsComplete, boolean archivePassed) {
    }

    /**
     * The result needs the pending application and a date not before it (Art. 26); the authority decides on the
     * committee's opinions, all of them in (Annex 4 §7 (二)); the unit deciding by delegation gives its opinion and
     * its acceptance report (Annex 4 §5 (二)); a failure says what to rectify (Art. 27); and a pass needs the
     * archive acceptance passed (Art. 24).
     */
    public static List<Violation> result(ResultFacts facts, FinalAcceptanceOutcome outcome, LocalDate decidedOn,
            String opinion, boolean reportSupplied) {
        FinalAcceptanceApplication pending = facts.pending();
        if (pending == null || !pending.pending()) {
            return List.of(Violation.of(RULE, "application", "violation.ART-26.final-no-application"));
        }
        List<Violation> violations = new ArrayList<>();
        if (decidedOn.isBefore(pending.appliedOn())) {
            violations.add(Violation.of(RULE, "decidedOn", "violation.ART-26.final-before-application",
                    decidedOn.toString(), pending.appliedOn().toString()));
        }
        boolean noOpinion = opinion == null || opinion.isBlank();
        if (facts.delegated()) {
            if (!reportSupplied) {
                violations.add(Violation.of(RULE, "reportDocumentId", "violation.ART-26.final-report-required"));
            }
        }
        else if (!facts.committeeFormed()) {
            violations.add(Violation.of(RULE, "committee", "violation.ART-26.final-no-committee"));
        }
        else if (!facts.opinionsComplete()) {
            violations.add(Violation.of(RULE, "committee", "violation.ART-26.final-opinions-pending"));
        }
        if (noOpinion && (facts.delegated() || outcome == FinalAcceptanceOutcome.FAILED)) {
            violations.add(Violation.of(RULE, "opinion", "violation.ART-26.final-opinion-required"));
        }
        if (outcome == FinalAcceptanceOutcome.PASSED && !facts.archivePassed()) {
            violations.add(Violation.of(ARCHIVE_RULE, "archiveAcceptance", "violation.ART-24.final-archive-not-accepted"));
        }
        return violations;
    }

    /**
     * The authority may delegate only the acceptance of a project of single content or pure equipment purchase
     * (Annex 4 §5 (二)), once, before the final acceptance passed.
     */
    public static List<Violation> delegation(boolean simpleOrEquipmentOnly, ProjectStatus status,
            FinalAcceptanceDelegation existing) {
        List<Violation> violations = new ArrayList<>();
        if (!simpleOrEquipmentOnly) {
            violations.add(Violation.of(RULE, "project", "violation.ART-26.final-delegation-not-simple"));
        }
        if (existing != null) {
            violations.add(Violation.of(RULE, "delegation", "violation.ART-26.final-already-delegated",
                    existing.delegatedOn().toString()));
        }
        if (status != ProjectStatus.UNDER_CONSTRUCTION && status != ProjectStatus.IN_ACCEPTANCE) {
            violations.add(Violation.of(RULE, "status", "violation.ART-26.final-delegation-closed"));
        }
        return violations;
    }

    /** What the platform knows of the project for the conditions of Annex 4 §4. */
    public record ConditionFacts(boolean initialAcceptancePassed, boolean trialRunStable,
            FinalAcceptanceApplication latest, boolean securityRiskAccepted, boolean archivePassed) {
    }

    /**
     * The six conditions of Annex 4 §4: (1)(2) built, tested and trial run passed — initial acceptance, a stable
     * trial run, the test report (AM6) and the trial-run report (AM7); (3) protection, security and fire facilities —
     * the security risk special acceptance or the security materials (AM14.1); (4) budget execution and audited final
     * accounts — AM10; (5) readiness for operation — for the committee to confirm; (6) archives — the archive
     * acceptance (Art. 24), the only one that blocks a pass.
     */
    public static List<FinalAcceptanceCondition> conditions(ConditionFacts facts) {
        FinalAcceptanceApplication latest = facts.latest();
        boolean tested = latest != null && latest.has("AM6") && latest.has("AM7");
        return List.of(
                new FinalAcceptanceCondition("1-2", status(facts.initialAcceptancePassed() && facts.trialRunStable() && tested),
                        "acceptance.final.condition.built-tested", List.of("INITIAL", "TRIAL_RUN", "AM6", "AM7"), false),
                new FinalAcceptanceCondition("3", status(facts.securityRiskAccepted()),
                        "acceptance.final.condition.facilities", List.of("SA-SECURITY-RISK", "AM14.1"), false),
                new FinalAcceptanceCondition("4", status(latest != null && latest.has("AM10")),
                        "acceptance.final.condition.accounts", List.of("AM10"), false),
                new FinalAcceptanceCondition("5", Status.UNKNOWN, "acceptance.final.condition.readiness", List.of(), false),
                new FinalAcceptanceCondition("6", status(facts.archivePassed()), "acceptance.final.condition.archives",
                        List.of("ART-24"), true));
    }

    private static Status status(boolean met) {
        return met ? Status.MET : Status.NOT_MET;
    }
}
