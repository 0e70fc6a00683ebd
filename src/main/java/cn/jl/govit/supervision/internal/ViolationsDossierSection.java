package cn.jl.govit.supervision.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.project.Project;
import cn.jl.govit.supervision.ViolationRecord;
import cn.jl.govit.supervision.ViolationRecords;

/**
 * {@code metadata/violations.json} of the archive package: the project's violation records (Art. 33, 34), withdrawn
 * ones included with their reasons, each with its referrals, and the sanctions imposed on the project (Art. 31, 33),
 * lifted ones included — read straight from their table so that the package carries the whole record of
 * accountability (Art. 30) whichever service writes the sanctions.
 */
@Component
class ViolationsDossierSection implements DossierSection {

    private final ViolationRecords violations;
    private final JdbcClient jdbc;

    ViolationsDossierSection(ViolationRecords violations, JdbcClient jdbc) {
        this.violations = violations;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "violations";
    }

    @Override
    public boolean appliesTo(Project project) {
        return true;
    }

    @Override
    public Object content(UUID projectId) {
        List<ViolationRecord> records = violations.forProject(projectId);
        List<Map<String, Object>> sanctions = jdbc.sql("""
                SELECT id, kind, rule, finding_id, violation_id, body_org_code, reason, imposed_on, status, lifted_on,
                       lifted_reason
                  FROM supervision_sanction WHERE project_id = :p ORDER BY imposed_on, imposed_at""")
                .param("p", projectId)
                .query((rs, n) -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("id", rs.getObject("id", UUID.class));
                    s.put("kind", rs.getString("kind"));
                    s.put("rule", rs.getString("rule"));
                    s.put("findingId", rs.getObject("finding_id", UUID.class));
                    s.put("violationId", rs.getObject("violation_id", UUID.class));
                    s.put("bodyOrgCode", rs.getString("body_org_code"));
                    s.put("reason", rs.getString("reason"));
                    s.put("imposedOn", rs.getObject("imposed_on", LocalDate.class));
                    s.put("status", rs.getString("status"));
                    s.put("liftedOn", rs.getObject("lifted_on", LocalDate.class));
                    s.put("liftedReason", rs.getString("lifted_reason"));
                    return s;
                }).list();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("violations", records);
        content.put("sanctions", sanctions);
        return content;
    }
}
