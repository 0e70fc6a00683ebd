package cn.jl.govit.organization;

/** The codes of the provincial bodies that the measures name (glossary.md). */
public final class OrganizationCodes {

    public static final String DIGITAL_BUREAU = "SZSJ";
    public static final String DEVELOPMENT_REFORM = "FGW";
    public static final String FINANCE = "CZT";
    public static final String CYBERSPACE = "WXB";
    public static final String ARCHIVES = "DAJ";
    public static final String SECRECY = "BMJ";
    public static final String CRYPTOGRAPHY = "MMJ";
    public static final String PUBLIC_SECURITY = "GAT";
    public static final String AUDIT = "SJT";
    public static final String STATE_SECURITY = "AQT";
    public static final String LEADING_GROUP = "LDXZ";
    public static final String PROVINCIAL_GOVERNMENT = "SZF";

    private OrganizationCodes() {
    }
}
