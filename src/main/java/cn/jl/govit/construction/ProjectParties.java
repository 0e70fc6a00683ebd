package cn.jl.govit.construction;

import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.project.Project;

/**
 * The project legal person (项目法人) and the supervision contractor (监理单位) the construction unit records once
 * construction has started (Art. 14: the legal person system and the supervision system). Each can be corrected
 * later, with the version it was read at.
 */
@Service
public class ProjectParties {

    private final JdbcClient jdbc;
    private final ConstructionGuard guard;
    private final AuditLog audit;

    ProjectParties(JdbcClient jdbc, ConstructionGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    /** The project's parties as recorded so far; empty before anything is ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public Optional<Parties> of(UUID projectId) {
        guard.readable(projectId);
        return find(projectId);
    }

    /** Records or corrects the legal person: {@code 404}, {@code 403}, {@code 409}, {@code 422} ART-22/14. */
    @Transactional
    public Parties recordLegalPerson(UUID projectId, ConstructionRequests.LegalPerson request) {
        Project project = guard.unit(projectId);
        ConstructionGuard.requireOpen(project);
        upsert(projectId, request.version(), "legal_person_name = :a, legal_representative = :b, unified_social_credit_code = :c",
                request.name().strip(), request.legalRepresentative().strip(), request.unifiedSocialCreditCode());
        audit.record("LEGAL_PERSON_RECORDED", "Project", projectId.toString(), projectId,
                project.code() + " " + request.name().strip() + " " + request.unifiedSocialCreditCode());
        return find(projectId).orElseThrow();
    }

    /** Records or corrects the supervision contractor; the same checks. */
    @Transactional
    public Parties recordSupervisionContractor(UUID projectId, ConstructionRequests.SupervisionContractor request) {
        Project project = guard.unit(projectId);
        ConstructionGuard.requireOpen(project);
        upsert(projectId, request.version(), "supervisor_name = :a, supervisor_contract_reference = :b",
                request.name().strip(), request.contractReference().strip(), null);
        audit.record("SUPERVISION_CONTRACTOR_RECORDED", "Project", projectId.toString(), projectId,
                project.code() + " " + request.name().strip() + " " + request.contractReference().strip());
        return find(projectId).orElseThrow();
    }

    private void upsert(UUID projectId, Long expectedVersion, String assignments, String a, String b, String c) {
        Optional<Parties> current = find(projectId);
        if (current.isEmpty()) {
            if (expectedVersion != null && expectedVersion != 0) {
                throw new OptimisticLockingFailureException("no parties recorded yet");
            }
            jdbc.sql("INSERT INTO construction_parties (project_id, updated_by, updated_at) VALUES (:p, :by, :at) ON CONFLICT DO NOTHING")
                    .param("p", projectId).param("by", guard.username()).param("at", guard.now()).update();
        }
        int updated = jdbc.sql("UPDATE construction_parties SET " + assignments
                        + ", updated_by = :by, updated_at = :at, version = version + 1"
                        + " WHERE project_id = :p" + (expectedVersion == null || current.isEmpty() ? "" : " AND version = :v"))
                .param("a", a).param("b", b).param("c", c).param("by", guard.username()).param("at", guard.now())
                .param("p", projectId).param("v", expectedVersion == null ? 0L : expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("parties of " + projectId + " changed meanwhile");
        }
    }

    private Optional<Parties> find(UUID projectId) {
        return jdbc.sql("SELECT * FROM construction_parties WHERE project_id = :p").param("p", projectId)
                .query((rs, n) -> new Parties(projectId, rs.getString("legal_person_name"),
                        rs.getString("legal_representative"), rs.getString("unified_social_credit_code"),
                        rs.getString("supervisor_name"), rs.getString("supervisor_contract_reference"),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version")))
                .optional();
    }

    /** The legal person and supervision contractor of a project; either part may still be empty. */
    public record Parties(UUID projectId, String legalPersonName, String legalRepresentative,
            String unifiedSocialCreditCode, String supervisorName, String supervisorContractReference,
            String updatedBy, java.time.Instant updatedAt, long version) {
    }
}
