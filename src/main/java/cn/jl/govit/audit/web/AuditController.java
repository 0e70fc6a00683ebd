package cn.jl.govit.audit.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.audit.AuditAccess;
import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.audit.ChainVerification;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;

@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "audit", description = "审计日志 Audit log (HMAC-SM3 hash chain)")
class AuditController {

    private final AuditTrail trail;
    private final AuditAccess access;

    AuditController(AuditTrail trail, AuditAccess access) {
        this.trail = trail;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Audit events, newest first; with projectId only that project's")
    PageOf<EventView> events(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        access.checkRead(projectId);
        Paging paging = Paging.of(page, size);
        return new PageOf<>(trail.page(projectId, paging.page(), paging.size()).stream().map(EventView::of).toList(),
                paging.page(), paging.size(), trail.count(projectId));
    }

    @GetMapping("/verification")
    @Operation(summary = "Re-computes the keyed HMAC-SM3 chain from the first event: valid or not, events verified, first broken event")
    ChainVerification verification() {
        access.checkRead(null);
        return trail.verify();
    }

    record EventView(long sequence, OffsetDateTime occurredAt, String actor, String organizationCode, String action,
            String entityType, String entityId, UUID projectId, String summary, String hash) {

        static EventView of(AuditEvent e) {
            return new EventView(e.sequence(), e.occurredAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime(),
                    e.actor(), e.organizationCode(), e.action(), e.entityType(), e.entityId(), e.projectId(), e.summary(),
                    e.hash());
        }
    }
}
