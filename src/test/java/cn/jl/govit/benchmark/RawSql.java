package cn.jl.govit.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The physical limit of each read: the SQL an endpoint needs to answer, written as plainly as it can be (only the
 * predicates that apply, no scope expression that is always true), run over plain JDBC on the same server, with every
 * column of every row read. An endpoint cannot be faster than this; the ratio endpoint ÷ raw SQL shows what the
 * platform adds (security, scope, mapping, JSON, HTTP).
 */
final class RawSql {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** govit.search.common-word-matches of application.yml. */
    private static final long COMMON_WORD_MATCHES = 3000;

    private RawSql() {
    }

    /** A page of the project list (newest first) with its total and the page's funding lines. */
    static void projectPage(DataSource ds, String department, String q, int page, int size) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (department != null) {
            where.append(" AND (p.lead_organization_code = ? OR p.participating_organization_codes @> ARRAY[CAST(? AS text)])");
            args.add(department);
            args.add(department);
        }
        StringBuilder pageWhere = new StringBuilder(where);
        List<Object> pageArgs = new ArrayList<>(args);
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        if (!q.isEmpty()) {
            if (q.length() >= 2) {
                where.append(" AND search_bigrams(p.name || ' ' || p.code) @> (SELECT search_bigrams(CAST(? AS text)))");
                args.add(q);
            }
            if (q.length() != 2) {
                where.append(" AND (p.name ILIKE ? OR p.code ILIKE ?)");
                args.add(like);
                args.add(like);
            }
        }
        try (Connection c = ds.getConnection()) {
            long total = count(c, "SELECT count(*) FROM project p" + where, args);
            // the page as the best plain SQL reads it: a common word in list order by ILIKE, else through the index
            if (!q.isEmpty() && total > COMMON_WORD_MATCHES) {
                pageWhere.append(" AND (p.name ILIKE ? OR p.code ILIKE ?)");
                pageArgs.add(like);
                pageArgs.add(like);
            }
            else {
                pageWhere = where;
                pageArgs = new ArrayList<>(args);
            }
            pageArgs.add(size);
            pageArgs.add((long) page * size);
            List<UUID> ids = readAll(c, "SELECT p.* FROM project p" + pageWhere
                    + " ORDER BY p.created_at DESC, p.code DESC LIMIT ? OFFSET ?", pageArgs);
            fundingLines(c, ids);
            if (total < 0) {
                throw new IllegalStateException();
            }
        }
    }

    static void projectDetail(DataSource ds, UUID id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<UUID> ids = readAll(c, "SELECT p.* FROM project p WHERE p.id = ?", List.of(id));
            expect(ids.size() == 1, "project " + id);
            fundingLines(c, ids);
        }
    }

    /** The first pages of the overdue obligations of every project, by due date, with the total. */
    static void overdueObligations(DataSource ds, int page, int size) throws SQLException {
        String where = " WHERE o.status IN ('OPEN', 'OVERDUE') AND (o.status = 'OVERDUE' OR o.due_date < ?)";
        LocalDate today = LocalDate.now(ZONE);
        try (Connection c = ds.getConnection()) {
            readAll(c, "SELECT o.*, p.code AS project_code, p.name AS project_name FROM obligation o "
                    + "JOIN project p ON p.id = o.project_id" + where
                    + " ORDER BY o.due_date, p.code, o.type, o.subject LIMIT ? OFFSET ?", List.of(today, size, (long) page * size));
            count(c, "SELECT count(*) FROM obligation o" + where, List.of(today));
        }
    }

    /** The province-wide overview's aggregates (ProvinceOverview, no filter). */
    static void overview(DataSource ds) throws SQLException {
        LocalDate today = LocalDate.now(ZONE);
        String overdue = " (o.status = 'OVERDUE' OR (o.status = 'OPEN' AND o.due_date < ?))";
        try (Connection c = ds.getConnection()) {
            readAll(c, """
                    SELECT count(*), coalesce(sum(p.approved_estimate), 0), count(*) FILTER (WHERE p.status = 'IN_ACCEPTANCE'),
                           count(*) FILTER (WHERE p.status = 'IN_OPERATION') FROM project p""", List.of());
            readAll(c, "SELECT count(*) FILTER (WHERE" + overdue + "), count(*) FILTER (WHERE o.type = 'SELF_EVALUATION' "
                    + "AND o.status IN ('OPEN', 'OVERDUE') AND (o.window_start IS NULL OR o.window_start <= ?)) FROM obligation o",
                    List.of(today, today));
            readAll(c, "SELECT p.status, count(*) FROM project p GROUP BY p.status", List.of());
            readAll(c, "SELECT p.approval_path_type, count(*) FROM project p GROUP BY p.approval_path_type", List.of());
            readAll(c, """
                    SELECT p.lead_organization_code, o.name_zh, o.name_en, count(*), coalesce(sum(p.approved_estimate), 0)
                    FROM project p JOIN organization o ON o.code = p.lead_organization_code
                    GROUP BY p.lead_organization_code, o.name_zh, o.name_en ORDER BY count(*) DESC, p.lead_organization_code""",
                    List.of());
            readAll(c, """
                    SELECT extract(year FROM p.approved_on)::int, sum(p.approved_estimate), sum(c.amount), sum(f.amount),
                           sum(d.amount), sum(s.amount)
                    FROM project p
                    LEFT JOIN (SELECT project_id, sum(amount) AS amount FROM construction_contract GROUP BY project_id) c ON c.project_id = p.id
                    LEFT JOIN (SELECT project_id, sum(amount) AS amount FROM fund_plan GROUP BY project_id) f ON f.project_id = p.id
                    LEFT JOIN (SELECT project_id, sum(amount) AS amount FROM disbursement GROUP BY project_id) d ON d.project_id = p.id
                    LEFT JOIN (SELECT project_id, sum(amount) AS amount FROM spending GROUP BY project_id) s ON s.project_id = p.id
                    WHERE p.approved_on IS NOT NULL GROUP BY 1 ORDER BY 1""", List.of());
            readAll(c, "SELECT o.responsible_organization_code, g.name_zh, g.name_en, o.type, count(*) FROM obligation o "
                    + "JOIN organization g ON g.code = o.responsible_organization_code WHERE" + overdue
                    + " GROUP BY o.responsible_organization_code, g.name_zh, g.name_en, o.type", List.of(today));
            readAll(c, "SELECT f.area, count(*) FROM supervision_finding f WHERE f.status IN ('OPEN', 'RECTIFIED') "
                    + "GROUP BY f.area", List.of());
            readAll(c, "SELECT s.kind, count(*) FROM supervision_sanction s WHERE s.status = 'ACTIVE' GROUP BY s.kind",
                    List.of());
        }
    }

    /** What an assessment reads: the project, its changes in force or pending, the first Digital Jilin fund plan. */
    static void changeAssessment(DataSource ds, UUID project) throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<UUID> ids = readAll(c, "SELECT p.* FROM project p WHERE p.id = ?", List.of(project));
            expect(ids.size() == 1, "project " + project);
            fundingLines(c, ids);
            readAll(c, "SELECT * FROM change_request WHERE project_id = ? ORDER BY number", List.of(project));
            readAll(c, "SELECT min(issued_on) FROM fund_plan WHERE project_id = ? AND source = 'DIGITAL_JILIN_FUND'",
                    List.of(project));
        }
    }

    static void decisionPdf(DataSource ds, UUID decision) throws SQLException {
        try (Connection c = ds.getConnection()) {
            expect(readAll(c, "SELECT * FROM approval_decision WHERE id = ?", List.of(decision)).size() == 1,
                    "decision " + decision);
        }
    }

    /** Every row of the export's filter, with its funding lines. */
    static void exportRows(DataSource ds, String filter) throws SQLException {
        Inputs.ExportFilter f = Inputs.ExportFilter.parse(filter);
        try (Connection c = ds.getConnection()) {
            List<UUID> ids = readAll(c, "SELECT p.* FROM project p WHERE p.status = ? AND p.approved_on >= ? "
                    + "AND p.approved_on < ? ORDER BY p.created_at DESC, p.code DESC",
                    List.of(f.status(), LocalDate.of(f.year(), 1, 1), LocalDate.of(f.year() + 1, 1, 1)));
            fundingLines(c, ids);
        }
    }

    /**
     * Reads the whole audit chain the way the verification does (binary COPY in as many runs as cores, parsed in
     * place) without computing a single MAC: what verification costs before any hashing.
     */
    static void auditRead(DataSource ds, java.nio.file.Path dataDir) throws Exception {
        String ring = java.nio.file.Files.readString(dataDir.resolve("keys").resolve("audit-chain-keys"));
        cn.jl.govit.audit.internal.ChainKeys keys = new cn.jl.govit.audit.internal.ChainKeys(
                cn.jl.govit.rulebook.KeyFiles.parseRing(ring, "audit chain key", java.util.HexFormat.of()::parseHex));
        long rows = new cn.jl.govit.audit.internal.ChainScan(ds, keys)
                .run(Runtime.getRuntime().availableProcessors(), false).rows();
        expect(rows > 0, "audit events");
    }

    private static void fundingLines(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT project_id, source, amount FROM project_funding_source "
                + "WHERE project_id = ANY (?) ORDER BY project_id, line_no")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                    rs.getString(2);
                    rs.getBigDecimal(3);
                }
            }
        }
    }

    /** Runs the query, reads every column of every row, and answers the first column when it is a UUID. */
    private static List<UUID> readAll(Connection c, String sql, List<Object> args) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        if (i == 1 && value instanceof UUID id) {
                            ids.add(id);
                        }
                    }
                }
            }
        }
        return ids;
    }

    private static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("not found: " + what);
        }
    }
}
