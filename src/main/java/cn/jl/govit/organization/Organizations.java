package cn.jl.govit.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;

/** The organisations known to the platform. */
@Service
public class Organizations {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Organizations(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Organization> all() {
        return jdbc.sql("SELECT * FROM organization ORDER BY kind DESC, code").query(Organizations::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<Organization> find(String code) {
        return code == null ? Optional.empty()
                : jdbc.sql("SELECT * FROM organization WHERE code = :code").param("code", code).query(Organizations::map).optional();
    }

    public Organization get(String code) {
        return find(code).orElseThrow(() -> new RecordNotFoundException("Organization", code));
    }

    /** Adds a department or body; codes are upper-case letters and digits, 2–16 long. */
    @Transactional
    public Organization create(String code, String nameZh, String nameEn, OrganizationKind kind, String dutyArea) {
        if (code == null || !code.matches("[A-Z][A-Z0-9]{1,15}")) {
            throw new InvalidInputException("code", "organization.code.format");
        }
        if (find(code).isPresent()) {
            throw new InvalidInputException("code", "organization.code.taken", code);
        }
        jdbc.sql("INSERT INTO organization (code, name_zh, name_en, kind, duty_area, active, version) "
                        + "VALUES (:code, :nameZh, :nameEn, :kind, :dutyArea, true, 0)")
                .param("code", code).param("nameZh", nameZh).param("nameEn", nameEn).param("kind", kind.name())
                .param("dutyArea", blankToNull(dutyArea))
                .update();
        audit.record("ORGANIZATION_CREATED", "Organization", code, null, code + " " + nameZh + " (" + kind + ")");
        return get(code);
    }

    @Transactional
    public Organization update(String code, String nameZh, String nameEn, String dutyArea, boolean active, long version) {
        get(code);
        int rows = jdbc.sql("UPDATE organization SET name_zh = :nameZh, name_en = :nameEn, duty_area = :dutyArea, "
                        + "active = :active, version = version + 1 WHERE code = :code AND version = :version")
                .param("code", code).param("nameZh", nameZh).param("nameEn", nameEn)
                .param("dutyArea", blankToNull(dutyArea)).param("active", active).param("version", version)
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("organization " + code + " changed meanwhile");
        }
        audit.record("ORGANIZATION_UPDATED", "Organization", code, null,
                code + " " + nameZh + (active ? "" : " (inactive)"));
        return get(code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Organization map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Organization(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                OrganizationKind.valueOf(rs.getString("kind")), rs.getString("duty_area"), rs.getBoolean("active"),
                rs.getLong("version"));
    }
}
