package cn.jl.govit.document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Projects;

/**
 * The fixity check of the document store: re-computes the SM3 digest of every stored document and reports each
 * one whose bytes changed or vanished since it was recorded (GB/T 22239 integrity of important data). Runs on a
 * schedule ({@code govit.document.fixity-cron}) as the system, and on demand by the Audit Office or an approver.
 * Each run is one audit event naming the changed documents; each changed document also gets an event on its
 * project's trail.
 */
@Service
public class DocumentFixity {

    private static final Logger log = LoggerFactory.getLogger(DocumentFixity.class);
    private static final int PAGE = 500;

    private final DocumentRepository repository;
    private final DocumentStorage storage;
    private final Projects projects;
    private final AuditLog audit;
    private final Clock clock;

    DocumentFixity(DocumentRepository repository, DocumentStorage storage, Projects projects, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.storage = storage;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The check on demand: the audit administrator, the Audit Office or an approver ({@code 403} otherwise). The
     * counts cover the whole store; the list names the changed documents of projects the caller sees — all of them
     * for the audit administrator, whose duty the integrity of the records is and who reads no project's content
     * (the list carries ids and digests only).
     */
    @Transactional
    public FixityReport checkOnDemand() {
        boolean auditAdministrator = projects.hasRole(Role.AUDIT_ADMIN);
        if (!auditAdministrator && !projects.hasRole(Role.AUDITOR) && !projects.hasRole(Role.APPROVER)) {
            throw new AccessDeniedException("only the audit administrator, the Audit Office or an approver runs the fixity check");
        }
        FixityReport report = run(null);
        return new FixityReport(report.startedAt(), report.finishedAt(), report.checked(),
                report.changed().stream().filter(c -> auditAdministrator || projects.isVisible(c.projectId())).toList());
    }

    /** The scheduled check, as the system. */
    @Transactional
    public FixityReport checkAsSystem() {
        return run(Actor.SYSTEM);
    }

    private FixityReport run(Actor actor) {
        Instant started = clock.instant();
        FixityScanner scanner = new FixityScanner();
        List<FixityReport.Changed> changed = new ArrayList<>();
        long checked = 0;
        UUID after = null;
        List<DocumentRepository.StoredFile> page;
        do {
            page = repository.storedFiles(after, PAGE);
            for (DocumentRepository.StoredFile file : page) {
                String actual = scanner.sm3(storage.pathOf(file.storageName()));
                checked++;
                if (!file.sm3().equals(actual)) {
                    changed.add(new FixityReport.Changed(file.id(), file.projectId(), file.filename(), file.sm3(), actual));
                }
                after = file.id();
            }
        }
        while (page.size() == PAGE);
        FixityReport report = new FixityReport(started, clock.instant(), checked, List.copyOf(changed));
        for (FixityReport.Changed c : changed) {
            log.warn("fixity: document {} ({}) does not match its recorded SM3 digest", c.documentId(),
                    c.actualSm3() == null ? "file missing" : "bytes changed");
            record(actor, "DOCUMENT_FIXITY_FAILED", c.documentId().toString(), c.projectId(), c.filename() + " recorded SM3 "
                    + c.recordedSm3() + ", now " + (c.actualSm3() == null ? "missing" : c.actualSm3()));
        }
        record(actor, "DOCUMENT_FIXITY_CHECKED", "store", null, checked + " checked, " + changed.size() + " changed"
                + (changed.isEmpty() ? "" : ": " + changed.stream().map(c -> c.documentId().toString())
                        .collect(Collectors.joining(", "))));
        log.info("fixity: {} documents checked, {} changed", checked, changed.size());
        return report;
    }

    private void record(Actor actor, String action, String entityId, UUID projectId, String summary) {
        if (actor == null) {
            audit.record(action, "Document", entityId, projectId, summary);
        }
        else {
            audit.record(actor, action, "Document", entityId, projectId, summary);
        }
    }
}
