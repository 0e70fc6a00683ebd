package cn.jl.govit.obligation.web;

import java.util.Arrays;

import cn.jl.govit.obligation.ObligationListFilter;
import cn.jl.govit.obligation.ObligationStatus;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.rulebook.InvalidInputException;

/**
 * The obligation list's query parameters {@code status}, {@code department} (the responsible organisation),
 * {@code type}, {@code authority} and {@code approvedYear} (of the project), read the same way by the API, the
 * export and the page.
 */
final class ObligationListParams {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 9999;

    private ObligationListParams() {
    }

    /**
     * The API's and the export's reading (the enums are converted by Spring, a wrong one is a 400 naming it): an
     * organisation code nobody has or an impossible year is a 400 naming the parameter.
     */
    static ObligationListFilter strict(Organizations organizations, ObligationStatus status, String department,
            ObligationType type, ApprovalAuthority authority, Integer approvedYear) {
        String code = department == null || department.isBlank() ? null : department.strip();
        if (code != null && organizations.find(code).isEmpty()) {
            throw new InvalidInputException("department", "obligation.filter.department.invalid");
        }
        if (approvedYear != null && (approvedYear < MIN_YEAR || approvedYear > MAX_YEAR)) {
            throw new InvalidInputException("approvedYear", "obligation.filter.year.invalid", MIN_YEAR, MAX_YEAR);
        }
        return new ObligationListFilter(status, code, type, authority, approvedYear);
    }

    /** The page's reading: a value it does not understand is ignored, like an unknown status always was. */
    static ObligationListFilter lenient(Organizations organizations, String status, String department, String type,
            String authority, String approvedYear) {
        String code = department == null || department.isBlank() ? null : department.strip();
        if (code != null && organizations.find(code).isEmpty()) {
            code = null;
        }
        Integer year;
        try {
            year = approvedYear == null || approvedYear.isBlank() ? null : Integer.valueOf(approvedYear.strip());
        } catch (NumberFormatException e) {
            year = null;
        }
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            year = null;
        }
        return new ObligationListFilter(value(ObligationStatus.values(), status), code,
                value(ObligationType.values(), type), value(ApprovalAuthority.values(), authority), year);
    }

    private static <E extends Enum<E>> E value(E[] values, String name) {
        return Arrays.stream(values).filter(v -> name != null && v.name().equals(name.strip())).findFirst().orElse(null);
    }
}
