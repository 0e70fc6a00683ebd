package cn.jl.govit.project.web;

import java.util.Arrays;

import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalPathType;
import cn.jl.govit.project.ProjectListFilter;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RequestValidator;

/**
 * The project list's query parameters {@code status}, {@code q}, {@code department}, {@code authority},
 * {@code path} and {@code approvedYear}, read the same way by the API, the export and the page.
 */
final class ProjectListParams {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 9999;

    private ProjectListParams() {
    }

    /**
     * The API's and the export's reading (the enums are converted by Spring, a wrong one is a 400 naming it): an
     * unknown organisation or an impossible year is a 400 naming the parameter, never a silently wider list.
     */
    static ProjectListFilter strict(Organizations organizations, ProjectStatus status, String q, String department,
            ApprovalAuthority authority, ApprovalPathType path, Integer approvedYear) {
        RequestValidator.searchText("q", q);
        String code = department == null || department.isBlank() ? null : department.strip();
        if (code != null && organizations.find(code).isEmpty()) {
            throw new InvalidInputException("department", "projects.filter.department.invalid");
        }
        if (approvedYear != null && (approvedYear < MIN_YEAR || approvedYear > MAX_YEAR)) {
            throw new InvalidInputException("approvedYear", "projects.filter.year.invalid", MIN_YEAR, MAX_YEAR);
        }
        return new ProjectListFilter(status, q, code, authority, path, approvedYear);
    }

    /** The page's reading: like the status filter always did, a value it does not understand is ignored. */
    static ProjectListFilter lenient(Organizations organizations, String status, String q, String department,
            String authority, String path, String approvedYear) {
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > 200) {
            query = query.substring(0, 200);
        }
        String code = department == null || department.isBlank() || organizations.find(department.strip()).isEmpty()
                ? null : department.strip();
        Integer year = null;
        try {
            year = approvedYear == null || approvedYear.isBlank() ? null : Integer.valueOf(approvedYear.strip());
        } catch (NumberFormatException e) {
            year = null;
        }
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            year = null;
        }
        return new ProjectListFilter(value(ProjectStatus.values(), status), query, code,
                value(ApprovalAuthority.values(), authority), value(ApprovalPathType.values(), path), year);
    }

    private static <E extends Enum<E>> E value(E[] values, String name) {
        return Arrays.stream(values).filter(v -> name != null && v.name().equals(name.strip())).findFirst().orElse(null);
    }
}
