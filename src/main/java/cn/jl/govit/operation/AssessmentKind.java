package cn.jl.govit.operation;

import cn.jl.govit.obligation.ObligationType;

/**
 * The two periodic assessments of a system in operation (Art. 36): the security risk assessment (Art. 16) and the
 * cryptography application security assessment by a certified assessor (密评, Art. 17), each with the obligation that
 * keeps it due and the rule that obligation cites.
 */
public enum AssessmentKind {
    SECURITY(ObligationType.SECURITY_ASSESSMENT, "ART-36"),
    CRYPTO(ObligationType.CRYPTO_ASSESSMENT, "ART-17");

    private final ObligationType obligationType;
    private final String rule;

    AssessmentKind(ObligationType obligationType, String rule) {
        this.obligationType = obligationType;
        this.rule = rule;
    }

    public ObligationType obligationType() {
        return obligationType;
    }

    /** The rule the periodic obligation cites. */
    public String rule() {
        return rule;
    }

    /** The obligation subject of the {@code n}-th assessment of this kind: {@code SECURITY-1}, {@code CRYPTO-2}… */
    public String subject(int n) {
        return name() + "-" + n;
    }
}
