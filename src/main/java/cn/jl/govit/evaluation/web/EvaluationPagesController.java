package cn.jl.govit.evaluation.web;

import static cn.jl.govit.rulebook.FormFields.date;

import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.evaluation.EvaluationRequests;
import cn.jl.govit.evaluation.EvaluationSource;
import cn.jl.govit.evaluation.PostEvaluation;
import cn.jl.govit.evaluation.PostEvaluationConclusion;
import cn.jl.govit.evaluation.PostEvaluationStatus;
import cn.jl.govit.evaluation.PostEvaluations;
import cn.jl.govit.evaluation.SelfEvaluation;
import cn.jl.govit.evaluation.SelfEvaluationContent;
import cn.jl.govit.evaluation.SelfEvaluationOutcome;
import cn.jl.govit.evaluation.SelfEvaluationReportPolicy;
import cn.jl.govit.evaluation.SelfEvaluationStatus;
import cn.jl.govit.evaluation.SelfEvaluations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.supervision.SupervisionArea;
import cn.jl.govit.supervision.SupervisionFinding;
import cn.jl.govit.supervision.SupervisionFindingSource;
import cn.jl.govit.supervision.SupervisionFindings;
import cn.jl.govit.supervision.SupervisionRequests;

/**
 * The evaluation page of a project (Art. 28, 32) — the self-evaluation window and report, post-evaluations and
 * the findings raised from them, with the construction unit's and the approval authority's forms; read-only for
 * everyone else who sees the project — and the list of evaluations across the projects an approver, Finance or Audit sees. Every decision
 * is the services'; a refused form renders the page again with its errors or rules next to it, input kept.
 */
@Controller
class EvaluationPagesController {

    private static final int LIST_SIZE = 20;

    private final SelfEvaluations selfEvaluations;
    private final PostEvaluations postEvaluations;
    private final SupervisionFindings findings;
    private final Projects projects;
    private final Documents documents;
    private final RequestValidator validator;
    private final FormRefusals refusals;

    EvaluationPagesController(SelfEvaluations selfEvaluations, PostEvaluations postEvaluations,
            SupervisionFindings findings, Projects projects, Documents documents, RequestValidator validator,
            FormRefusals refusals) {
        this.selfEvaluations = selfEvaluations;
        this.postEvaluations = postEvaluations;
        this.findings = findings;
        this.projects = projects;
        this.documents = documents;
        this.validator = validator;
        this.refusals = refusals;
    }

    @GetMapping("/projects/{id}/evaluation")
    String page(@PathVariable String id, Model model) {
        return page(RecordNotFoundException.idOf("Project", id), model, Map.of(), null);
    }

    private String page(UUID projectId, Model model, Map<String, String> form, String failed) {
        Project project = projects.get(projectId);
        boolean unit = projects.isConstructionUnit(project);
        boolean authority = projects.isAuthority(project);
        SelfEvaluation report = selfEvaluations.forProject(projectId).stream().findFirst().orElse(null);
        List<PostEvaluation> posts = postEvaluations.forProject(projectId);
        // the findings raised from this project's evaluations, in the one findings flow (rectified on its page)
        List<SupervisionFinding> found = findings.forProject(projectId).stream()
                .filter(f -> f.source() == SupervisionFindingSource.EVALUATION).toList();
        model.addAttribute("project", project);
        model.addAttribute("today", projects.today());
        model.addAttribute("unit", unit);
        model.addAttribute("authority", authority);
        model.addAttribute("window", selfEvaluations.window(projectId).orElse(null));
        model.addAttribute("report", report);
        model.addAttribute("versions", report == null ? List.of() : selfEvaluations.versions(report.id()));
        model.addAttribute("canSubmit", selfEvaluations.canSubmit(project));
        model.addAttribute("canDecide", authority && report != null && report.status() == SelfEvaluationStatus.SUBMITTED);
        model.addAttribute("posts", posts);
        model.addAttribute("canCommission", postEvaluations.canCommission(project));
        model.addAttribute("findings", found);
        Map<UUID, String> sourceLabels = new LinkedHashMap<>();
        if (report != null) {
            sourceLabels.put(report.id(), "SELF_EVALUATION");
        }
        posts.forEach(p -> sourceLabels.put(p.id(), "POST_EVALUATION"));
        model.addAttribute("sourceKinds", sourceLabels);
        // a refused raise shows the form again with its problems, even when no evaluation offers results yet
        model.addAttribute("canRaise", authority && (report != null || "raise".equals(failed)
                || posts.stream().anyMatch(p -> p.status() == PostEvaluationStatus.REPORTED)));
        model.addAttribute("reportedPosts", posts.stream().filter(p -> p.status() == PostEvaluationStatus.REPORTED).toList());
        List<StoredDocument> docs = documents.list(projectId);
        Map<UUID, String> names = new LinkedHashMap<>();
        docs.forEach(d -> names.put(d.id(), d.title() != null ? d.title() : d.filename()));
        model.addAttribute("documents", docs);
        model.addAttribute("documentNames", names);
        model.addAttribute("parts", SelfEvaluationReportPolicy.PARTS.subList(0, SelfEvaluationReportPolicy.PARTS.size() - 1));
        Map<String, String> reported = report == null ? Map.of() : texts(report.content());
        model.addAttribute("reportTexts", reported);
        // the form shows what was just refused, else the returned report to revise
        model.addAttribute("formTexts", "self-evaluation".equals(failed) ? form : reported);
        model.addAttribute("outcomes", SelfEvaluationOutcome.values());
        model.addAttribute("conclusions", PostEvaluationConclusion.values());
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        model.addAttribute("defaultDue", findings.defaultRectificationDue());
        return "evaluation/project";
    }

    // the construction unit

    @PostMapping("/projects/{id}/evaluation/self-evaluation")
    String submit(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        selfEvaluations.checkMaySubmit(projectId);
        return act(projectId, "self-evaluation", form, model, locale, redirect, response, () -> selfEvaluations.submit(projectId,
                validator.valid(new EvaluationRequests.SelfEvaluationReport(date("evaluatedOn", form.get("evaluatedOn")),
                        form.get("goalsAchieved"), form.get("investmentAndBenefits"), form.get("operationAndUse"),
                        form.get("sharingAndIntegration"), form.get("problemsAndMeasures"),
                        parsed("documentId", form.get("documentId"), UUID::fromString),
                        parsed("version", form.get("version"), Long::valueOf)))));
    }

    // the approval authority

    @PostMapping("/projects/{id}/evaluation/self-evaluation/decision")
    String decide(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        projects.get(projectId);
        SelfEvaluation report = selfEvaluations.forProject(projectId).stream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("SelfEvaluation", projectId));
        selfEvaluations.checkMayDecide(report.id());
        return act(projectId, "decision", form, model, locale, redirect, response, () -> selfEvaluations.decide(report.id(),
                validator.valid(new EvaluationRequests.Decision(
                        parsed("outcome", form.get("outcome"), SelfEvaluationOutcome::valueOf), form.get("opinion"),
                        parsed("version", form.get("version"), Long::valueOf)))));
    }

    @PostMapping("/projects/{id}/evaluation/post-evaluations")
    String commission(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        postEvaluations.checkMayCommission(projectId);
        return act(projectId, "commission", form, model, locale, redirect, response, () -> postEvaluations.commission(projectId,
                validator.valid(new EvaluationRequests.Commission(form.get("evaluator"),
                        date("commissionedOn", form.get("commissionedOn")), form.get("scope")))));
    }

    @PostMapping("/projects/{id}/evaluation/post-evaluations/{postId}/report")
    String report(@PathVariable String id, @PathVariable String postId, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID post = RecordNotFoundException.idOf("PostEvaluation", postId);
        if (!postEvaluations.get(post).projectId().equals(projectId)) {
            throw new RecordNotFoundException("PostEvaluation", post);
        }
        postEvaluations.checkMayReport(post);
        return act(projectId, "report-" + post, form, model, locale, redirect, response, () -> postEvaluations.report(post,
                validator.valid(new EvaluationRequests.PostEvaluationReport(date("reportedOn", form.get("reportedOn")),
                        parsed("conclusion", form.get("conclusion"), PostEvaluationConclusion::valueOf),
                        form.get("summary"), parsed("documentId", form.get("documentId"), UUID::fromString),
                        parsed("version", form.get("version"), Long::valueOf)))));
    }

    @PostMapping("/projects/{id}/evaluation/findings")
    String raise(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        findings.checkMayRaise(projectId, SupervisionFindingSource.EVALUATION);
        return act(projectId, "raise", form, model, locale, redirect, response, () -> {
            // the form offers "<SOURCE>:<id>" in one choice; the kind only tells the reader which evaluation it is
            String chosen = form.getOrDefault("source", "");
            int colon = chosen.indexOf(':');
            parsed("sourceRef", colon < 0 ? null : chosen.substring(0, colon), EvaluationSource::valueOf);
            UUID sourceId = parsed("sourceRef", colon < 0 ? null : chosen.substring(colon + 1), UUID::fromString);
            // the evaluation record is checked by this module (EvaluationFindingReferences) when supervision asks
            return findings.raise(projectId, validator.valid(new SupervisionRequests.NewFinding(SupervisionArea.PERFORMANCE,
                    form.get("description"), List.of(), date("rectificationDue", form.get("rectificationDue")),
                    SupervisionFindingSource.EVALUATION, sourceId)));
        });
    }

    // across projects

    /** Approvers, Finance and Audit: reports, post-evaluations and the windows open or overdue, in their scope. */
    @GetMapping("/evaluations")
    String evaluations(@RequestParam(required = false) String status, @RequestParam(required = false) String postStatus,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int postPage,
            @RequestParam(defaultValue = "0") int windowPage, Model model) {
        if (!projects.hasRole(Role.APPROVER) && !projects.hasRole(Role.FINANCE_OFFICER) && !projects.hasRole(Role.AUDITOR)) {
            throw new AccessDeniedException("the evaluations list is for the approval authorities, Finance and Audit");
        }
        SelfEvaluationStatus selfStatus = filter(status, SelfEvaluationStatus::valueOf);
        PostEvaluationStatus postFilter = filter(postStatus, PostEvaluationStatus::valueOf);
        model.addAttribute("status", selfStatus == null ? "" : selfStatus.name());
        model.addAttribute("postStatus", postFilter == null ? "" : postFilter.name());
        model.addAttribute("statuses", SelfEvaluationStatus.values());
        model.addAttribute("postStatuses", PostEvaluationStatus.values());
        model.addAttribute("reports", selfEvaluations.page(selfStatus, page, LIST_SIZE));
        model.addAttribute("posts", postEvaluations.page(postFilter, postPage, LIST_SIZE));
        model.addAttribute("windows", selfEvaluations.pendingWindows(windowPage, LIST_SIZE));
        model.addAttribute("today", projects.today());
        return "evaluation/list";
    }

    private String act(UUID projectId, String section, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response, Supplier<Object> action) {
        if (refusals.attempt(model, locale, response, FieldMessage::new, action)) {
            redirect.addFlashAttribute("done", section.replaceAll("-[0-9a-f-]{36}$", ""));
            return "redirect:/projects/" + projectId + "/evaluation";
        }
        return page(projectId, model, form, section);
    }

    private static Map<String, String> texts(SelfEvaluationContent c) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("goalsAchieved", c.goalsAchieved());
        texts.put("investmentAndBenefits", c.investmentAndBenefits());
        texts.put("operationAndUse", c.operationAndUse());
        texts.put("sharingAndIntegration", c.sharingAndIntegration());
        texts.put("problemsAndMeasures", c.problemsAndMeasures());
        return texts;
    }

    /** A field error as the page shows it: the field's label key is {@code evaluation.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            return "evaluation.field." + field;
        }
    }

    private static <T> T filter(String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }


    private static <T> T parsed(String field, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        }
        catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException(field, "problem.field.invalid");
        }
    }
}
