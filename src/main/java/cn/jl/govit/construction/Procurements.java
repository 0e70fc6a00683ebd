package cn.jl.govit.construction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The procurements of a project under construction (Art. 14): recorded by the construction unit after the
 * approval, with the documents stored for the project; a classified project's by offline reference only (Art. 8).
 */
@Service
public class Procurements {

    private final JdbcClient jdbc;
    private final ConstructionGuard guard;
    private final Documents documents;
    private final AuditLog audit;

    Procurements(JdbcClient jdbc, ConstructionGuard guard, Documents documents, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.documents = documents;
        this.audit = audit;
    }

    /** Records a procurement: {@code 404}, {@code 403} but the unit, {@code 400}, {@code 422} ART-22/14/8. */
    @Transactional
    public Procurement record(UUID projectId, ConstructionRequests.NewProcurement request) {
        Project project = guard.unit(projectId);
        guard.notFuture("announcedOn", request.announcedOn());
        guard.notFuture("awardedOn", request.awardedOn());
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (request.awardedOn() != null && request.awardedOn().isBefore(request.announcedOn())) {
            errors.add(new InvalidInputException.FieldError("awardedOn", "construction.date.before-announcement",
                    List.of(request.awardedOn().toString(), request.announcedOn().toString())));
        }
        if (request.awardedOn() != null && blank(request.supplier())) {
            errors.add(new InvalidInputException.FieldError("supplier", "problem.field.required", List.of()));
        }
        List<UUID> ids = request.documents().stream().distinct().toList();
        for (int i = 0; i < ids.size(); i++) {
            if (!ofProject(ids.get(i), projectId)) {
                errors.add(new InvalidInputException.FieldError("documentIds[" + i + "]",
                        "construction.procurement.document-foreign", List.of(ids.get(i).toString())));
            }
        }
        boolean classified = project.facts().classified();
        if (!classified && !blank(request.offlineReference())) {
            errors.add(new InvalidInputException.FieldError("offlineReference",
                    "construction.procurement.offline-not-classified", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ConstructionGuard.requireOpen(project);
        List<Violation> violations = new ArrayList<>();
        if (project.approvedOn() != null && request.announcedOn().isBefore(project.approvedOn())) {
            violations.add(Violation.of("ART-14", "announcedOn", "violation.ART-14.procurement-before-approval",
                    request.announcedOn().toString(), project.approvedOn().toString()));
        }
        if (classified && !ids.isEmpty()) {
            violations.add(Violation.of("ART-8", "documentIds", "violation.ART-8.classified-procurement-documents"));
        }
        if (classified && blank(request.offlineReference())) {
            violations.add(Violation.of("ART-8", "offlineReference", "violation.ART-8.classified-procurement-offline"));
        }
        RuleViolationException.throwIfAny(violations);

        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO construction_procurement (id, project_id, method, subject, budget_amount, supplier,
                    announced_on, awarded_on, classified, offline_reference, recorded_by, recorded_at)
                VALUES (:id, :project, :method, :subject, :budget, :supplier, :announced, :awarded, :classified,
                    :offline, :by, :at)""")
                .param("id", id).param("project", projectId).param("method", request.method().name())
                .param("subject", request.subject().strip()).param("budget", request.budgetAmount())
                .param("supplier", blank(request.supplier()) ? null : request.supplier().strip())
                .param("announced", request.announcedOn()).param("awarded", request.awardedOn())
                .param("classified", classified)
                .param("offline", blank(request.offlineReference()) ? null : request.offlineReference().strip())
                .param("by", guard.username()).param("at", guard.now())
                .update();
        for (UUID document : ids) {
            jdbc.sql("INSERT INTO construction_procurement_document (procurement_id, document_id) VALUES (:p, :d)")
                    .param("p", id).param("d", document).update();
        }
        audit.record("PROCUREMENT_RECORDED", "Procurement", id.toString(), projectId, project.code() + " "
                + request.method() + " " + request.budgetAmount().toPlainString() + (classified ? " classified" : ""));
        return find(id);
    }

    /**
     * Records the award of a procurement recorded before it: {@code 404}, {@code 403}, {@code 400} for a date in
     * the future or before the announcement or a procurement already awarded, {@code 422} ART-22/14.
     */
    @Transactional
    public Procurement award(UUID projectId, UUID procurementId, ConstructionRequests.Award request) {
        Project project = guard.unit(projectId);
        Procurement procurement = find(procurementId);
        if (!procurement.projectId().equals(projectId)) {
            throw new RecordNotFoundException("Procurement", procurementId);
        }
        guard.notFuture("awardedOn", request.awardedOn());
        if (procurement.awardedOn() != null) {
            throw new InvalidInputException("awardedOn", "construction.procurement.already-awarded",
                    procurement.awardedOn().toString());
        }
        if (request.awardedOn().isBefore(procurement.announcedOn())) {
            throw new InvalidInputException("awardedOn", "construction.date.before-announcement",
                    request.awardedOn().toString(), procurement.announcedOn().toString());
        }
        ConstructionGuard.requireOpen(project);
        int rows = jdbc.sql("""
                UPDATE construction_procurement SET supplier = :supplier, awarded_on = :awarded, version = version + 1
                WHERE id = :id AND awarded_on IS NULL""")
                .param("supplier", request.supplier().strip()).param("awarded", request.awardedOn())
                .param("id", procurementId).update();
        if (rows == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("procurement " + procurementId
                    + " was awarded meanwhile");
        }
        audit.record("PROCUREMENT_AWARDED", "Procurement", procurementId.toString(), projectId,
                project.code() + " " + procurement.subject() + " awarded " + request.awardedOn());
        return find(procurementId);
    }

    /** The project's procurements, latest announcement first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public PageOf<Procurement> page(UUID projectId, int page, int size) {
        guard.readable(projectId);
        Paging paging = Paging.of(page, size);
        long total = jdbc.sql("SELECT count(*) FROM construction_procurement WHERE project_id = :p")
                .param("p", projectId).query(Long.class).single();
        List<Procurement> content = jdbc.sql("""
                SELECT * FROM construction_procurement WHERE project_id = :p
                ORDER BY announced_on DESC, recorded_at DESC LIMIT :limit OFFSET :offset""")
                .param("p", projectId).param("limit", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query(this::map).list();
        return new PageOf<>(content, paging.page(), paging.size(), total);
    }

    /** Whether the procurement belongs to the project; for contracts that refer to it. */
    boolean belongsTo(UUID procurementId, UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM construction_procurement WHERE id = :id AND project_id = :p")
                .param("id", procurementId).param("p", projectId).query(Long.class).single() > 0;
    }

    private boolean ofProject(UUID documentId, UUID projectId) {
        try {
            StoredDocument document = documents.get(documentId);
            return document.projectId().equals(projectId);
        }
        catch (RecordNotFoundException e) {
            return false;
        }
    }

    private Procurement find(UUID id) {
        return jdbc.sql("SELECT * FROM construction_procurement WHERE id = :id").param("id", id).query(this::map)
                .optional().orElseThrow(() -> new RecordNotFoundException("Procurement", id));
    }

    private Procurement map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<UUID> docs = jdbc.sql("SELECT document_id FROM construction_procurement_document WHERE procurement_id = :p ORDER BY document_id")
                .param("p", id).query(UUID.class).list();
        return new Procurement(id, rs.getObject("project_id", UUID.class),
                ProcurementMethod.valueOf(rs.getString("method")), rs.getString("subject"),
                rs.getBigDecimal("budget_amount"), rs.getString("supplier"),
                rs.getObject("announced_on", java.time.LocalDate.class), rs.getObject("awarded_on", java.time.LocalDate.class),
                rs.getBoolean("classified"), rs.getString("offline_reference"), docs, rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
