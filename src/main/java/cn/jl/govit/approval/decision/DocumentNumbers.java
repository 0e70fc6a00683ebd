package cn.jl.govit.approval.decision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jl.govit.project.ApprovalAuthority;

/**
 * Document numbers of approval replies, one sequence per authority and year, unique under concurrency:
 * 吉政数审〔2026〕12号 for the Digital Bureau, 吉发改审批〔2026〕3号 for the DRC.
 */
@Component
class DocumentNumbers {

    private final JdbcClient jdbc;

    DocumentNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(ApprovalAuthority authority, int year) {
        long n = jdbc.sql("""
                INSERT INTO decision_number_sequence (authority, year, last_value) VALUES (:authority, :year, 1)
                ON CONFLICT (authority, year) DO UPDATE SET last_value = decision_number_sequence.last_value + 1
                RETURNING last_value""")
                .param("authority", authority.name()).param("year", year)
                .query(Long.class).single();
        return format(authority, year, n);
    }

    static String format(ApprovalAuthority authority, int year, long n) {
        return prefix(authority, year) + n + "号";
    }

    /** The number without its serial, e.g. 吉政数审〔2026〕: a preview shows it before the reply is issued. */
    static String prefix(ApprovalAuthority authority, int year) {
        String code = switch (authority) {
            case DIGITAL_BUREAU -> "吉政数审";
            case DEVELOPMENT_REFORM -> "吉发改审批";
        };
        return code + "〔" + year + "〕";
    }
}
