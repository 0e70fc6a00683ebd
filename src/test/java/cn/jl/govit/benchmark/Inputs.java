package cn.jl.govit.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * What the scenarios ask for, drawn once from the data set with a fixed seed: projects to open, words of their names
 * and their codes to search, projects under construction to assess a change on, decisions whose reply to fetch, and
 * the list filter whose export comes nearest to 10,000 rows.
 */
record Inputs(List<UUID> projects, List<String> nameTerms, List<String> codeTerms, List<UUID> underConstructionIds,
        List<UUID> decisions, String exportFilter, long exportRows, long auditEvents) {

    /** A department with many projects, and its demo user. */
    static final String DEPARTMENT = "RST";
    static final String DEPARTMENT_USER = "rst";

    String department() {
        return DEPARTMENT;
    }

    String departmentUser() {
        return DEPARTMENT_USER;
    }

    UUID project(SplittableRandom r) {
        return projects.get(r.nextInt(projects.size()));
    }

    String nameTerm(SplittableRandom r) {
        return nameTerms.get(r.nextInt(nameTerms.size()));
    }

    String codeTerm(SplittableRandom r) {
        return codeTerms.get(r.nextInt(codeTerms.size()));
    }

    UUID underConstruction(SplittableRandom r) {
        return underConstructionIds.get(r.nextInt(underConstructionIds.size()));
    }

    UUID decision(SplittableRandom r) {
        return decisions.get(r.nextInt(decisions.size()));
    }

    /** An approval reply of realistic length, varied by the random source. */
    static cn.jl.govit.document.pdf.ApprovalReply reply(SplittableRandom r) {
        int n = 1 + r.nextInt(9999);
        return new cn.jl.govit.document.pdf.ApprovalReply("吉政数审〔2026〕" + n + "号", java.time.LocalDate.of(2026, 11, 27),
                "吉林省政务服务和数字化局", "省人力资源和社会保障厅", "JLZW-2026-" + n, "社会保障卡一卡通服务平台（第" + n + "期）",
                "可行性研究报告", "同意", new java.math.BigDecimal("11500000.00"), 18,
                "同意项目的政务信息资源共享方案，按目录向省政务数据共享交换平台提供参保人员信息等资源。".repeat(2),
                "经审核，原则同意该项目可行性研究报告。项目建设内容包括业务系统、数据库和安全保障体系，".repeat(6));
    }

    /** The export's filter: a status and a year of approval. */
    record ExportFilter(String status, int year) {

        static ExportFilter parse(String query) {
            String status = null;
            int year = 0;
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("status")) {
                    status = kv[1];
                }
                else if (kv[0].equals("approvedYear")) {
                    year = Integer.parseInt(kv[1]);
                }
            }
            return new ExportFilter(status, year);
        }
    }

    static Inputs sample(DataSource ds, long seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = ds.getConnection()) {
            String order = " ORDER BY md5(id::text || '" + seed + "') LIMIT ";
            List<UUID> projects = ids(c, "SELECT id FROM project" + order + 2000);
            List<String> names = strings(c, "SELECT name FROM project" + order + 500);
            List<String> codes = strings(c, "SELECT code FROM project" + order + 500);
            List<String> nameTerms = new ArrayList<>();
            for (String name : names) {
                // a word of two to four characters from the name, as people type what they remember
                int length = 2 + random.nextInt(3);
                int start = random.nextInt(Math.max(1, name.length() - length));
                nameTerms.add(name.substring(start, Math.min(name.length(), start + length)));
            }
            List<String> codeTerms = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                // the whole code, or its year and number without the prefix
                codeTerms.add(i % 2 == 0 ? codes.get(i) : codes.get(i).substring(codes.get(i).indexOf('-') + 1));
            }
            List<UUID> underConstruction = ids(c, "SELECT id FROM project WHERE status = 'UNDER_CONSTRUCTION' "
                    + "AND approval_authority = 'DIGITAL_BUREAU' AND approved_estimate IS NOT NULL" + order + 500);
            List<UUID> decisions = ids(c, "SELECT id FROM approval_decision" + order + 200);
            String exportFilter;
            long exportRows;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT status, extract(year FROM approved_on)::int, count(*) FROM project WHERE approved_on IS NOT NULL
                    GROUP BY 1, 2 ORDER BY abs(count(*) - 10000), 1, 2 LIMIT 1""");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                exportFilter = "status=" + rs.getString(1) + "&approvedYear=" + rs.getInt(2);
                exportRows = rs.getLong(3);
            }
            long audit = Long.parseLong(Harness.scalar(c, "SELECT count(*) FROM audit_event"));
            require(!underConstruction.isEmpty(), "a Digital Bureau project under construction");
            require(!decisions.isEmpty(), "an approval decision");
            return new Inputs(projects, nameTerms, codeTerms, underConstruction, decisions, exportFilter, exportRows, audit);
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("the data set has no " + what);
        }
    }

    private static List<UUID> ids(Connection c, String sql) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
