package cn.jl.govit.project;

/**
 * The filters of the project list (page, API and export), each null for "any": the drill-down from the overview
 * lands on the list with the same filter that produced the number (issue 6). The caller's scope still applies on
 * top: a department that names another department sees none of that department's projects it does not take part in.
 *
 * @param status the lifecycle status
 * @param query a text searched in the name and code (blank: none)
 * @param department the lead organisation's code
 * @param authority the approval authority (Art. 5)
 * @param path the approval path type (Art. 9)
 * @param approvedYear the year of the approval (Asia/Shanghai date of the approval decision)
 */
public record ProjectListFilter(ProjectStatus status, String query, String department, ApprovalAuthority authority,
        ApprovalPathType path, Integer approvedYear) {

    public ProjectListFilter {
        query = query == null ? "" : query.strip();
        department = department == null || department.isBlank() ? null : department.strip();
    }

    /** The list's original filter: status and search text only. */
    public static ProjectListFilter of(ProjectStatus status, String query) {
        return new ProjectListFilter(status, query, null, null, null, null);
    }
}
