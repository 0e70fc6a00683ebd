package cn.jl.govit.project;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code WHERE} of a list over projects (alias {@code p}) holding only the conditions that apply. A generic
 * statement whose conditions switch off by their parameters ({@code :all OR …}, {@code :status IS NULL OR …})
 * leaves PostgreSQL's cached generic plan unable to use the indexes the actual filter allows (issue 8), so each
 * list adds the caller's scope and its own criteria here and runs exactly what they ask.
 */
public final class ProjectConditions {

    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final Map<String, Object> params = new HashMap<>();
    private boolean onProject;

    private ProjectConditions() {
    }

    /**
     * The caller's scope: nothing for the provincial bodies; for a department the projects it leads or takes part
     * in — {@code @>} rather than {@code = ANY}, as the GIN index on the participants answers only containment. A
     * scope of none matches nothing (callers usually answer an empty page before asking).
     */
    public static ProjectConditions within(ProjectScope.Filter scope) {
        ProjectConditions c = new ProjectConditions();
        if (!scope.all()) {
            c.onProject = true;
            c.where.append(" AND (p.lead_organization_code = :org"
                    + " OR p.participating_organization_codes @> ARRAY[CAST(:org AS text)])");
            c.params.put("org", scope.organizationCode() == null ? "" : scope.organizationCode());
        }
        return c;
    }

    /** The approval authority of the project, when asked for. */
    public ProjectConditions authority(ApprovalAuthority authority) {
        if (authority != null) {
            onProject = true;
            and(" AND p.approval_authority = :authority", "authority", authority.name());
        }
        return this;
    }

    /** The calendar year the project was approved in, when asked for (a range, so that an index on the date serves). */
    public ProjectConditions approvedIn(Integer year) {
        if (year != null) {
            onProject = true;
            and(" AND p.approved_on >= make_date(:year, 1, 1) AND p.approved_on < make_date(:year + 1, 1, 1)", "year",
                    year);
        }
        return this;
    }

    /** A condition of the list's own, with its one parameter, when the value is given. */
    public ProjectConditions when(Object value, String condition, String parameter) {
        if (value != null) {
            and(condition, parameter, value);
        }
        return this;
    }

    /** A condition of the list's own that always applies ({@code " AND …"}), with its parameter. */
    public ProjectConditions and(String condition, String parameter, Object value) {
        where.append(condition);
        params.put(parameter, value);
        return this;
    }

    /** A condition of the list's own that always applies, without parameters. */
    public ProjectConditions and(String condition) {
        where.append(condition);
        return this;
    }

    /** A parameter that conditions of the list's own use (the day the list is read, say). */
    public ProjectConditions param(String parameter, Object value) {
        params.put(parameter, value);
        return this;
    }

    /** {@code " WHERE …"}, to follow the {@code FROM} that names the project {@code p}. */
    public String where() {
        return where.toString();
    }

    public Map<String, Object> params() {
        return params;
    }

    /**
     * Whether a condition reads a column of the project: a count over a child table that every project row has (a
     * foreign key) may leave the join out otherwise.
     */
    public boolean onProject() {
        return onProject;
    }
}
