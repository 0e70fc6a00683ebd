package cn.jl.govit.obligation;

/** The kinds of deadline the measures create, each with the article that creates it. */
public enum ObligationType {
    /** Annual performance report before each year end of a construction period over one year (Art. 20). */
    PERFORMANCE_REPORT("ART-20"),
    /** Initial acceptance within the approved construction period (Art. 26). */
    INITIAL_ACCEPTANCE("ART-26"),
    /** Final acceptance application within 6 months of initial acceptance and a stable trial run (Art. 26). */
    FINAL_ACCEPTANCE_APPLICATION("ART-26"),
    /** Rectification by the deadline an authority or supervisor set (Art. 22, 27, 31). */
    RECTIFICATION("ART-27"),
    /** Self-evaluation 12 to 24 months after final acceptance and operation (Art. 28). */
    SELF_EVALUATION("ART-28"),
    /** Periodic security risk assessment (Art. 16, 36). */
    SECURITY_ASSESSMENT("ART-16"),
    /** Periodic cryptography assessment (Art. 17, 36). */
    CRYPTO_ASSESSMENT("ART-17");

    private final String rule;

    ObligationType(String rule) {
        this.rule = rule;
    }

    /** The rule that creates this kind of obligation, unless the opener names a more precise one. */
    public String rule() {
        return rule;
    }
}
