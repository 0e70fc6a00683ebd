package cn.jl.govit.change;

/**
 * Why the construction unit adjusts its content (Art. 23): the three grounds that allow a filing — a provincial
 * order, technical optimisation, business development within the approved framework — or any other ground,
 * which does not.
 */
public enum ChangeReason {
    PROVINCIAL_ORDER, TECHNICAL_OPTIMIZATION, BUSINESS_DEVELOPMENT, OTHER;

    /** Whether Art. 23 (1)–(3) lists this ground for a filing. */
    public boolean allowsFiling() {
        return this != OTHER;
    }
}
