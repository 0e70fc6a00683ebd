package cn.jl.govit.project;

import cn.jl.govit.rulebook.Reason;

/**
 * Art. 5: the DRC approves projects that apply for central budget funds; the Digital Bureau approves every
 * other project, including those procured as purchased services.
 */
public final class ApprovalAuthorityPolicy {

    /** The authority and the reason, derived from the funding sources alone. */
    public record Derived(ApprovalAuthority authority, Reason reason) {
    }

    public Derived derive(ProjectFacts facts) {
        if (facts.usesCentralBudget()) {
            return new Derived(ApprovalAuthority.DEVELOPMENT_REFORM, Reason.of("ART-5", "reason.ART-5.central-budget"));
        }
        return new Derived(ApprovalAuthority.DIGITAL_BUREAU, Reason.of("ART-5", "reason.ART-5.digital-bureau"));
    }
}
