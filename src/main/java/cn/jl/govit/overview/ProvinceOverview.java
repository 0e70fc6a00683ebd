package cn.jl.govit.overview;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalPathType;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.StampedCache;

/**
 * The province-wide overview for the provincial bodies that read every project (Art. 4–5, 30–34): aggregate SQL over
 * the project, funding, contract and obligation tables. Everyone else is refused (403): a department sees its own
 * projects on their pages, not the province's totals. The DRC sees its own authority's projects unless it asks for
 * more, since those are the ones it approves and accepts (Art. 5).
 */
@Service
@Transactional(readOnly = true)
public class ProvinceOverview {

    /** How many lead departments the overview names before it sums the rest as "others". */
    public static final int TOP_DEPARTMENTS = 8;

    /** The kinds of sanction of Art. 31, in the order of the ladder (supervision_sanction.kind). */
    static final List<String> SANCTION_KINDS = List.of("PUBLIC_CRITICISM", "SUSPEND_FUNDS", "SUSPEND_CONSTRUCTION",
            "TERMINATE");

    /**
     * An obligation overdue today, as the obligation list reads it: marked so by the daily scan, or open and past its
     * due date before the scan has run (alias {@code o}).
     */
    private static final String OVERDUE = " (o.status = 'OVERDUE' OR (o.status = 'OPEN' AND o.due_date < :today))";

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final Projects projects;
    private final AuditTrail trail;
    /** What an overview depends on besides the change stamp: the filter, and the day on which "overdue" turns. */
    private record CacheKey(OverviewFilter filter, LocalDate today) {
    }

    private final StampedCache<CacheKey, Overview> cache;

    ProvinceOverview(JdbcClient jdbc, CurrentUsers users, Projects projects, AuditTrail trail, Clock clock,
            @Value("${govit.overview.cache-max-age:60s}") Duration cacheMaxAge) {
        this.jdbc = jdbc;
        this.users = users;
        this.projects = projects;
        this.trail = trail;
        // filters are few (year × authority): the bound only guards against growth
        this.cache = new StampedCache<>(cacheMaxAge, clock, 256);
    }

    /** Whether the signed-in user may see the overview. */
    public boolean maySee() {
        return users.find().map(CurrentUser::readsAllProjects).orElse(false);
    }

    /**
     * The filter the user gets: {@code all} asks for both authorities explicitly; otherwise the given authority, or
     * for the DRC its own.
     */
    public OverviewFilter filter(Integer year, ApprovalAuthority authority, boolean all) {
        CurrentUser user = requireReader();
        if (authority == null && !all && OrganizationCodes.DEVELOPMENT_REFORM.equals(user.organizationCode())) {
            return new OverviewFilter(year, ApprovalAuthority.DEVELOPMENT_REFORM, true);
        }
        return new OverviewFilter(year, all ? null : authority, false);
    }

    /**
     * The overview under the filter, as of today. Outside a transaction: readers waiting for the one computing an
     * overview (StampedCache) must not each hold a connection of the pool meanwhile; each statement reads committed
     * data, as it did in a read-only transaction at READ COMMITTED.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Overview overview(OverviewFilter filter) {
        requireReader();
        LocalDate today = projects.today();
        // the most expensive read of the platform, the same for every provincial reader: kept while the audit chain
        // (every state change) has not moved (StampedCache)
        return cache.get(new CacheKey(filter, today), trail.head(), () -> compute(filter, today));
    }

    private Overview compute(OverviewFilter filter, LocalDate today) {
        Where where = Where.of(filter);
        return new Overview(today, filter, kpis(where, today), byStatus(where), byPathType(where),
                byDepartment(where), funnel(where), overdue(where, today), openFindings(where), sanctionsInForce(where));
    }

    /** Refuses (403) everyone but the provincial bodies, before any parameter is looked at. */
    public void checkMaySee() {
        requireReader();
    }

    private CurrentUser requireReader() {
        CurrentUser user = users.current();
        if (!user.readsAllProjects()) {
            throw new AccessDeniedException("the province-wide overview is for the provincial bodies");
        }
        return user;
    }

    private Overview.Kpis kpis(Where where, LocalDate today) {
        Map<String, Object> p = where.bind(jdbc.sql("""
                SELECT count(*) AS projects, coalesce(sum(p.approved_estimate), 0) AS approved,
                       count(*) FILTER (WHERE p.status = 'IN_ACCEPTANCE') AS in_acceptance,
                       count(*) FILTER (WHERE p.status = 'IN_OPERATION') AS in_operation
                FROM project p WHERE""" + where.sql)).query().singleRow();
        Map<String, Object> o = where.bind(jdbc.sql("SELECT count(*) FILTER (WHERE" + OVERDUE + ") AS overdue," + """
                       count(*) FILTER (WHERE o.type = 'SELF_EVALUATION' AND o.status IN ('OPEN', 'OVERDUE')
                                        AND (o.window_start IS NULL OR o.window_start <= :today)) AS self_evaluations
                FROM obligation o JOIN project p ON p.id = o.project_id WHERE""" + where.sql))
                .param("today", today).query().singleRow();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("projects", where.projects(null));
        links.put("overdueObligations", where.obligations("status=OVERDUE"));
        links.put("inAcceptance", where.projects("status=" + ProjectStatus.IN_ACCEPTANCE));
        links.put("inOperation", where.projects("status=" + ProjectStatus.IN_OPERATION));
        links.put("selfEvaluationsDue", where.obligations("type=SELF_EVALUATION"));
        return new Overview.Kpis(number(p.get("projects")), (BigDecimal) p.get("approved"), number(o.get("overdue")),
                number(p.get("in_acceptance")), number(p.get("in_operation")), number(o.get("self_evaluations")),
                Map.copyOf(links));
    }

    private List<Overview.Bucket> byStatus(Where where) {
        Map<String, Long> counts = counts(where, "p.status");
        List<Overview.Bucket> buckets = new ArrayList<>();
        for (ProjectStatus status : ProjectStatus.values()) {
            buckets.add(new Overview.Bucket(status.name(), counts.getOrDefault(status.name(), 0L),
                    where.projects("status=" + status.name())));
        }
        return buckets;
    }

    private List<Overview.Bucket> byPathType(Where where) {
        Map<String, Long> counts = counts(where, "p.approval_path_type");
        List<Overview.Bucket> buckets = new ArrayList<>();
        for (ApprovalPathType type : ApprovalPathType.values()) {
            buckets.add(new Overview.Bucket(type.name(), counts.getOrDefault(type.name(), 0L),
                    where.projects("path=" + type.name())));
        }
        return buckets;
    }

    private Map<String, Long> counts(Where where, String column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        where.bind(jdbc.sql("SELECT " + column + " AS k, count(*) AS n FROM project p WHERE" + where.sql
                + " GROUP BY " + column)).query().listOfRows()
                .forEach(r -> counts.put((String) r.get("k"), number(r.get("n"))));
        return counts;
    }

    private List<Overview.DepartmentBucket> byDepartment(Where where) {
        List<Map<String, Object>> rows = where.bind(jdbc.sql("""
                SELECT p.lead_organization_code AS code, o.name_zh, o.name_en, count(*) AS n,
                       coalesce(sum(p.approved_estimate), 0) AS approved
                FROM project p JOIN organization o ON o.code = p.lead_organization_code
                WHERE""" + where.sql
                + " GROUP BY p.lead_organization_code, o.name_zh, o.name_en"
                + " ORDER BY count(*) DESC, p.lead_organization_code")).query().listOfRows();
        List<Overview.DepartmentBucket> buckets = new ArrayList<>();
        long othersCount = 0;
        BigDecimal othersInvestment = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            if (i < TOP_DEPARTMENTS) {
                buckets.add(new Overview.DepartmentBucket((String) r.get("code"), (String) r.get("name_zh"),
                        (String) r.get("name_en"), number(r.get("n")), (BigDecimal) r.get("approved"),
                        where.projects("department=" + r.get("code"))));
            } else {
                othersCount += number(r.get("n"));
                othersInvestment = othersInvestment.add((BigDecimal) r.get("approved"));
            }
        }
        if (othersCount > 0) {
            // The list cannot name "every department but the largest"; the nearest list is every project of the filter.
            buckets.add(new Overview.DepartmentBucket(null, null, null, othersCount, othersInvestment,
                    where.projects(null)));
        }
        return buckets;
    }

    /**
     * Per-project sums first, so that a project's several contracts, plans and payments do not multiply; each table is
     * summed once by project and joined, rather than summed again for every project (a correlated sub-query per
     * project and table is 400,000 index probes at national scale).
     */
    private List<Overview.FunnelYear> funnel(Where where) {
        return where.bind(jdbc.sql("""
                SELECT extract(year FROM p.approved_on)::int AS year,
                       coalesce(sum(p.approved_estimate), 0) AS approved,
                       coalesce(sum(c.amount), 0) AS contracted,
                       coalesce(sum(f.amount), 0) AS fund_plans,
                       coalesce(sum(d.amount), 0) AS disbursed,
                       coalesce(sum(s.amount), 0) AS spent
                FROM project p
                LEFT JOIN (SELECT project_id, sum(amount) AS amount FROM construction_contract GROUP BY project_id) c
                       ON c.project_id = p.id
                LEFT JOIN (SELECT project_id, sum(amount) AS amount FROM fund_plan GROUP BY project_id) f
                       ON f.project_id = p.id
                LEFT JOIN (SELECT project_id, sum(amount) AS amount FROM disbursement GROUP BY project_id) d
                       ON d.project_id = p.id
                LEFT JOIN (SELECT project_id, sum(amount) AS amount FROM spending GROUP BY project_id) s
                       ON s.project_id = p.id
                WHERE p.approved_on IS NOT NULL AND""" + where.sql + " GROUP BY 1 ORDER BY 1"))
                .query((rs, n) -> new Overview.FunnelYear(rs.getInt("year"),
                        rs.getBigDecimal("approved"), rs.getBigDecimal("contracted"), rs.getBigDecimal("fund_plans"),
                        rs.getBigDecimal("disbursed"), rs.getBigDecimal("spent"),
                        where.projectsApprovedIn(rs.getInt("year")))).list();
    }

    private List<Overview.OverdueDepartment> overdue(Where where, LocalDate today) {
        List<Map<String, Object>> rows = where.bind(jdbc.sql("""
                SELECT ob.responsible_organization_code AS code, o.name_zh, o.name_en, ob.type, count(*) AS n
                FROM obligation ob JOIN project p ON p.id = ob.project_id
                     JOIN organization o ON o.code = ob.responsible_organization_code
                WHERE""" + OVERDUE.replace("o.", "ob.") + " AND" + where.sql
                + " GROUP BY ob.responsible_organization_code, o.name_zh, o.name_en, ob.type"))
                .param("today", today).query().listOfRows();
        Map<String, Overview.OverdueDepartment> byCode = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String code = (String) r.get("code");
            Overview.OverdueDepartment d = byCode.computeIfAbsent(code, c -> new Overview.OverdueDepartment(c,
                    (String) r.get("name_zh"), (String) r.get("name_en"), 0, new LinkedHashMap<>(),
                    where.obligations("status=OVERDUE&department=" + c)));
            d.byType().put((String) r.get("type"), number(r.get("n")));
        }
        return byCode.values().stream()
                .map(d -> new Overview.OverdueDepartment(d.organizationCode(), d.nameZh(), d.nameEn(),
                        d.byType().values().stream().mapToLong(Long::longValue).sum(), Map.copyOf(d.byType()), d.link()))
                .sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
                        : a.organizationCode().compareTo(b.organizationCode()))
                .toList();
    }

    /**
     * Supervision findings not yet settled (Art. 31): open, or rectified and awaiting the body's review. Each links to
     * the findings list of the area; that list is the body's own working list of open findings.
     */
    private List<Overview.Bucket> openFindings(Where where) {
        return where.bind(jdbc.sql("""
                SELECT f.area AS k, count(*) AS n
                FROM supervision_finding f JOIN project p ON p.id = f.project_id
                WHERE f.status IN ('OPEN', 'RECTIFIED') AND""" + where.sql
                + " GROUP BY f.area ORDER BY count(*) DESC, f.area")).query().listOfRows().stream()
                .map(r -> new Overview.Bucket((String) r.get("k"), number(r.get("n")),
                        "/findings?status=OPEN&area=" + r.get("k")))
                .toList();
    }

    /** Sanctions in force by kind (Art. 31), in the order of the ladder, zeros included. */
    private List<Overview.Bucket> sanctionsInForce(Where where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        where.bind(jdbc.sql("""
                SELECT s.kind AS k, count(*) AS n
                FROM supervision_sanction s JOIN project p ON p.id = s.project_id
                WHERE s.status = 'ACTIVE' AND""" + where.sql + " GROUP BY s.kind")).query().listOfRows()
                .forEach(r -> counts.put((String) r.get("k"), number(r.get("n"))));
        return SANCTION_KINDS.stream()
                .map(kind -> new Overview.Bucket(kind, counts.getOrDefault(kind, 0L),
                        "/sanctions?kind=" + kind + "&status=ACTIVE"))
                .toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * The filter as a SQL condition on {@code p} with its parameters (values are always bound, never inlined), and as
     * the query of the lists behind the numbers, so that each list shows exactly what was counted.
     */
    private record Where(String sql, Integer year, String authority) {

        /** The project list with this filter and {@code extra} (a {@code name=value} pair, or null). */
        String projects(String extra) {
            StringBuilder query = new StringBuilder();
            if (extra != null) {
                query.append('&').append(extra);
            }
            if (authority != null) {
                query.append("&authority=").append(authority);
            }
            if (year != null) {
                query.append("&approvedYear=").append(year);
            }
            return query.isEmpty() ? "/projects" : "/projects?" + query.substring(1);
        }

        /** The projects approved in a year of the funnel, under the authority of the filter. */
        String projectsApprovedIn(int approvedYear) {
            return new Where(sql, approvedYear, authority).projects(null);
        }

        /** The obligation list with this filter and {@code extra}. */
        String obligations(String extra) {
            StringBuilder query = new StringBuilder(extra);
            if (authority != null) {
                query.append("&authority=").append(authority);
            }
            if (year != null) {
                query.append("&approvedYear=").append(year);
            }
            return "/obligations?" + query;
        }

        static Where of(OverviewFilter filter) {
            StringBuilder sql = new StringBuilder(" true");
            if (filter.year() != null) {
                sql.append(" AND p.approved_on IS NOT NULL AND extract(year FROM p.approved_on) = :year");
            }
            if (filter.authority() != null) {
                sql.append(" AND p.approval_authority = :authority");
            }
            return new Where(sql.toString(), filter.year(),
                    filter.authority() == null ? null : filter.authority().name());
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            if (year != null) {
                spec = spec.param("year", year);
            }
            if (authority != null) {
                spec = spec.param("authority", authority);
            }
            return spec;
        }
    }
}
