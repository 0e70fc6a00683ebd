package cn.jl.govit.organization;

/** What a user may do; scope (which records) follows from the user's organisation. */
public enum Role {
    /** staff of a provincial department: proposes and builds its projects */
    DEPARTMENT_STAFF,
    /** approver of an approval authority (Digital Bureau or DRC) */
    APPROVER,
    /** member of the expert pool: sees only the reviews assigned to it */
    EXPERT,
    /** Archives Bureau: archive registration and acceptance (Art. 5, 24) */
    ARCHIVIST,
    /** Finance: fund plans and special-fund supervision (Art. 5, 23) */
    FINANCE_OFFICER,
    /** Audit Office: reads everything, changes nothing (Art. 5) */
    AUDITOR,
    /** a supervising body acting in its duty area (CAC, Cryptography, Secrecy, Public Security, State Security) */
    SUPERVISOR,
    /** Digital Jilin Leading Group (Art. 4, 29) */
    LEADING_GROUP,
    /** system administrator (系统管理员): organisations and users, no business data, never the audit log */
    ADMIN,
    /** security administrator (安全管理员): lockouts and the password policy, no business data, no audit log */
    SECURITY_ADMIN,
    /** audit administrator (审计管理员): reads and verifies the audit log only */
    AUDIT_ADMIN
}
