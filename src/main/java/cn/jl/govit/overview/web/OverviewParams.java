package cn.jl.govit.overview.web;


import cn.jl.govit.overview.OverviewFilter;
import cn.jl.govit.overview.ProvinceOverview;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.rulebook.InvalidInputException;

/** The overview's query parameters: {@code year} (of approval) and {@code authority} (an authority or ALL). */
final class OverviewParams {

    static final String ALL = "ALL";

    private OverviewParams() {
    }

    /** The API's reading: a value it does not understand is a 400, never a silently wider answer. */
    static OverviewFilter strict(ProvinceOverview overview, String year, String authority) {
        overview.checkMaySee();
        Integer y = null;
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("year", "overview.filter.year.invalid");
            }
            if (y < 2000 || y > 9999) {
                throw new InvalidInputException("year", "overview.filter.year.invalid");
            }
        }
        ApprovalAuthority a = null;
        boolean all = false;
        if (authority != null && !authority.isBlank()) {
            String value = authority.strip();
            if (ALL.equals(value)) {
                all = true;
            } else {
                try {
                    a = ApprovalAuthority.valueOf(value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("authority", "overview.filter.authority.invalid");
                }
            }
        }
        return overview.filter(y, a, all);
    }

    /** The page's reading: like the other list pages, a value it does not understand is ignored. */
    static OverviewFilter lenient(ProvinceOverview overview, String year, String authority) {
        String a = validAuthority(authority);
        try {
            return strict(overview, year, a);
        } catch (InvalidInputException e) {
            return strict(overview, null, a);
        }
    }

    private static String validAuthority(String authority) {
        if (authority == null || ALL.equals(authority)) {
            return authority;
        }
        for (ApprovalAuthority a : ApprovalAuthority.values()) {
            if (a.name().equals(authority)) {
                return authority;
            }
        }
        return null;
    }
}
