package cn.jl.govit.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.web.util.UriComponentsBuilder;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalPathType;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectListFilter;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.PageOf;

/** What the project pages show, already in the reader's language and calendar; no rule is decided here. */
final class ProjectPageViews {

    private ProjectPageViews() {
    }

    /** Organisation names by code in the reader's language; an unknown code shows as itself. */
    record OrganizationNames(Map<String, String> names) {

        static OrganizationNames of(List<Organization> organizations, Locale locale) {
            return new OrganizationNames(organizations.stream()
                    .collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a)));
        }

        public String of(String code) {
            return code == null ? null : names.getOrDefault(code, code);
        }
    }

    /** One line of the project list. */
    record Row(UUID id, String code, String name, String leadOrganization, ProjectStatus status,
            ApprovalAuthority authority, ApprovalPathType pathType, BigDecimal estimate, LocalDate createdOn) {

        static Row of(Project p, OrganizationNames names) {
            return new Row(p.id(), p.code(), p.name(), names.of(p.leadOrganizationCode()), p.status(),
                    p.approvalAuthority(), p.approvalPath().type(), p.estimatedInvestment(),
                    p.createdAt().atZone(Projects.ZONE).toLocalDate());
        }
    }

    /** A page of the list with the filter that produced it, and the addresses of its neighbours. */
    record ListPage(List<Row> rows, int page, int size, long total, int totalPages, ProjectListFilter filter) {

        static ListPage of(PageOf<Project> page, OrganizationNames names, ProjectListFilter filter) {
            return new ListPage(page.content().stream().map(p -> Row.of(p, names)).toList(), page.page(), page.size(),
                    page.totalElements(), page.totalPages(), filter);
        }

        public ProjectStatus status() {
            return filter.status();
        }

        public String q() {
            return filter.query();
        }

        public String url(int target) {
            UriComponentsBuilder b = filtered(UriComponentsBuilder.fromPath("/projects"));
            b.queryParam("page", target);
            if (size != ProjectPagesController.DEFAULT_SIZE) {
                b.queryParam("size", size);
            }
            return b.encode().build().toUriString();
        }

        /** The export of exactly what the list shows: every filter, no paging. */
        public String exportUrl() {
            return filtered(UriComponentsBuilder.fromPath("/projects/export.xlsx")).encode().build().toUriString();
        }

        private UriComponentsBuilder filtered(UriComponentsBuilder b) {
            if (filter.status() != null) {
                b.queryParam("status", filter.status().name());
            }
            if (!filter.query().isBlank()) {
                b.queryParam("q", filter.query());
            }
            if (filter.department() != null) {
                b.queryParam("department", filter.department());
            }
            if (filter.authority() != null) {
                b.queryParam("authority", filter.authority().name());
            }
            if (filter.path() != null) {
                b.queryParam("path", filter.path().name());
            }
            if (filter.approvedYear() != null) {
                b.queryParam("approvedYear", filter.approvedYear());
            }
            return b;
        }

        /** Page numbers to offer: the first, the last and a few around the current one. */
        public List<Integer> pageNumbers() {
            return java.util.stream.IntStream.range(0, totalPages)
                    .filter(n -> n == 0 || n == totalPages - 1 || Math.abs(n - page) <= 2)
                    .boxed().toList();
        }

        public long firstShown() {
            return rows.isEmpty() ? 0 : (long) page * size + 1;
        }

        public long lastShown() {
            return (long) page * size + rows.size();
        }
    }

    /** One stage of the stepper: every stage of Art. 9 in order, marked whether the project's path takes it. */
    record Step(Stage stage, boolean onPath, int number) {

        static List<Step> of(List<Stage> path) {
            int[] n = {0};
            return java.util.Arrays.stream(Stage.values())
                    .map(s -> new Step(s, path.contains(s), path.contains(s) ? ++n[0] : 0))
                    .toList();
        }
    }

    /** One entry of the project's audit history, in the provincial calendar. */
    record AuditEntry(long sequence, LocalDateTime at, String actor, String organization, String action,
            String summary, String hash) {

        static Function<AuditEvent, AuditEntry> with(OrganizationNames names) {
            return e -> new AuditEntry(e.sequence(), e.occurredAt().atZone(Projects.ZONE).toLocalDateTime(), e.actor(),
                    names.of(e.organizationCode()), e.action(), e.summary(), e.hash());
        }
    }
}
