package cn.jl.govit.approval.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.approval.AttachmentRef;
import cn.jl.govit.approval.ChapterEntry;
import cn.jl.govit.approval.DocxImport;
import cn.jl.govit.approval.ExtraPermit;
import cn.jl.govit.approval.InformationResource;
import cn.jl.govit.approval.OutlineItem;
import cn.jl.govit.approval.PermitType;
import cn.jl.govit.approval.ShareType;
import cn.jl.govit.approval.Submission;
import cn.jl.govit.approval.SubmissionContent;
import cn.jl.govit.approval.SubmissionOutline;
import cn.jl.govit.approval.SubmissionStatus;
import cn.jl.govit.approval.Submissions;
import cn.jl.govit.approval.decision.Decisions;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.CitationMessages.CitationView;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The department's submission pages: a project's submissions, and one submission's editor with its outline
 * checklist, the Word upload and the formal review shown in place. Every decision is the {@link Submissions}
 * service's; these methods only translate between the browser and it.
 */
@Controller
class SubmissionPagesController {

    private static final int BLANK_RESOURCE_ROWS = 3;

    private final Submissions submissions;
    private final Projects projects;
    private final CitationMessages citations;
    private final MessageSource messages;
    private final Decisions decisions;

    SubmissionPagesController(Submissions submissions, Projects projects, CitationMessages citations,
            MessageSource messages, Decisions decisions) {
        this.submissions = submissions;
        this.projects = projects;
        this.citations = citations;
        this.messages = messages;
        this.decisions = decisions;
    }

    @GetMapping("/projects/{id}/submissions")
    String list(@PathVariable String id, Model model) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        Project project = projects.get(projectId);
        List<Submission> list = submissions.forProject(projectId);
        Set<Stage> started = EnumSet.noneOf(Stage.class);
        list.forEach(s -> started.add(s.stage()));
        model.addAttribute("project", project);
        model.addAttribute("submissions", list.stream().map(s -> new Row(s, submissions.review(s).passed())).toList());
        model.addAttribute("canPrepare", submissions.isConstructionUnit(projectId));
        model.addAttribute("stages", project.approvalPath().stages().stream().filter(s -> !started.contains(s)).toList());
        model.addAttribute("decisions", decisions.forProject(projectId));
        return "approval/submissions";
    }

    @PostMapping("/projects/{id}/submissions")
    String prepare(@PathVariable String id, @RequestParam(required = false) String stage, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        submissions.checkMayPrepare(projectId);
        Stage chosen = parseStage(stage);
        try {
            if (chosen == null) {
                throw new InvalidInputException("stage", "problem.field.required");
            }
            Submission submission = submissions.prepare(projectId, chosen, SubmissionContent.empty());
            redirect.addFlashAttribute("prepared", true);
            return "redirect:/submissions/" + submission.id();
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (InvalidInputException e) {
            model.addAttribute("stageError", true);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/submissions");
        return list(id, model);
    }

    /** A classified project files a stage offline (Art. 8): only its carrier reference enters the platform. */
    @PostMapping("/projects/{id}/submissions/offline")
    String fileOffline(@PathVariable String id, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String offlineReference, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        submissions.checkMayPrepare(projectId);
        Stage chosen = parseStage(stage);
        try {
            if (chosen == null) {
                throw new InvalidInputException("stage", "problem.field.required");
            }
            submissions.fileOffline(projectId, chosen, offlineReference);
            redirect.addFlashAttribute("filedOffline", true);
            return "redirect:/projects/" + projectId + "/submissions";
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (InvalidInputException e) {
            model.addAttribute("referenceError", true);
            model.addAttribute("violations", null);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/submissions");
        return list(id, model);
    }

    @GetMapping("/submissions/{id}")
    String editor(@PathVariable String id, Model model, Locale locale) {
        Submission submission = submissions.get(RecordNotFoundException.idOf("Submission", id));
        return editor(submission, submission.content(), model, locale);
    }

    @PostMapping("/submissions/{id}")
    String save(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID submissionId = RecordNotFoundException.idOf("Submission", id);
        Submission submission = submissions.checkMayEdit(submissionId);
        SubmissionOutline outline = submissions.outline(submission);
        List<String> errors = new ArrayList<>();
        SubmissionContent content = content(outline, form, errors);
        model.addAttribute("canonicalUrl", "/submissions/" + submissionId);
        if (!errors.isEmpty()) {
            model.addAttribute("formErrors", errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editor(submission, content, model, locale);
        }
        try {
            submissions.revise(submissionId, parseVersion(form.getFirst("version")), content);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/submissions/" + submissionId;
        }
        catch (InvalidInputException e) {
            model.addAttribute("formErrors", e.errors().stream()
                    .map(f -> f.field() + ": " + citations.text(f.messageKey(), locale, f.args().toArray())).toList());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return editor(submissions.get(submissionId), content, model, locale);
    }

    @PostMapping("/submissions/{id}/submit")
    String submit(@PathVariable String id, @RequestParam(required = false) String version, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID submissionId = RecordNotFoundException.idOf("Submission", id);
        submissions.checkMayEdit(submissionId);
        model.addAttribute("canonicalUrl", "/submissions/" + submissionId);
        try {
            submissions.submit(submissionId, parseVersion(version));
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/submissions/" + submissionId;
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            model.addAttribute("submitRefused", true);
            response.setStatus(422);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        Submission submission = submissions.get(submissionId);
        return editor(submission, submission.content(), model, locale);
    }

    @PostMapping("/submissions/{id}/docx")
    String docx(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String version, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) throws IOException {
        UUID submissionId = RecordNotFoundException.idOf("Submission", id);
        submissions.checkMayEdit(submissionId);
        model.addAttribute("canonicalUrl", "/submissions/" + submissionId);
        try {
            if (file == null || file.isEmpty() || (file.getOriginalFilename() != null
                    && !file.getOriginalFilename().toLowerCase(Locale.ROOT).endsWith(".docx"))) {
                throw new InvalidInputException("file", "submission.docx.invalid");
            }
            Submissions.DocxResult result = submissions.importDocx(submissionId, parseVersion(version), file.getBytes());
            DocxImport docx = result.docx();
            redirect.addFlashAttribute("docx", new DocxSummary(List.copyOf(docx.contents().keySet()), docx.missing(),
                    docx.unmatchedHeadings()));
            return "redirect:/submissions/" + submissionId + "#docx";
        }
        catch (InvalidInputException e) {
            model.addAttribute("docxError", true);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        Submission submission = submissions.get(submissionId);
        return editor(submission, submission.content(), model, locale);
    }

    private String editor(Submission submission, SubmissionContent shown, Model model, Locale locale) {
        Project project = projects.get(submission.projectId());
        SubmissionOutline outline = submissions.outline(submission);
        List<CitationView> review = submissions.review(submission).violations().stream()
                .map(v -> citations.view(v, locale)).toList();
        Map<String, List<CitationView>> byItem = SubmissionPageViews.byItem(review);
        model.addAttribute("submission", submission);
        model.addAttribute("project", project);
        model.addAttribute("review", review);
        model.addAttribute("byItem", byItem);
        java.util.function.Function<OutlineItem, String> titles =
                i -> messages.getMessage("outline." + i.code(), null, i.title(), locale);
        model.addAttribute("items", SubmissionPageViews.items(outline, shown, byItem, titles));
        model.addAttribute("attachments", outline.attachments().stream()
                .map(a -> new SubmissionPageViews.AttachmentRow(a.code(), titles.apply(a), !a.required(),
                        shown.attachment(a.code()).map(r -> r.documentId().toString()).orElse(null),
                        byItem.getOrDefault(a.code(), List.of())))
                .toList());
        model.addAttribute("resources", SubmissionPageViews.ResourceRow.of(shown.informationResources(), BLANK_RESOURCE_ROWS));
        model.addAttribute("permits", SubmissionPageViews.PermitRow.of(submissions.requiredPermits(submission),
                shown.extraPermits()));
        model.addAttribute("shown", shown);
        model.addAttribute("shareTypes", ShareType.values());
        model.addAttribute("canEdit", submissions.canEdit(submission));
        model.addAttribute("versions", submissions.versions(submission.id()).stream()
                .map(v -> new VersionLine(v.revision(), v.submittedAt().atZone(Projects.ZONE).toLocalDateTime(), v.submittedBy()))
                .toList());
        model.addAttribute("newCloud", project.facts().buildsNewCloudPlatform());
        model.addAttribute("canDecide", submission.status() == SubmissionStatus.SUBMITTED
                && decisions.isAuthority(submission.id()));
        return "approval/editor";
    }

    /** The content the form posted; malformed parts are left out and named in {@code errors}. */
    private static SubmissionContent content(SubmissionOutline outline, MultiValueMap<String, String> form,
            List<String> errors) {
        List<ChapterEntry> chapters = new ArrayList<>();
        for (OutlineItem leaf : outline.leaves()) {
            String text = clean(form.getFirst("c." + leaf.code()));
            boolean na = !leaf.required() && form.getFirst("na." + leaf.code()) != null;
            String reason = clean(form.getFirst("nar." + leaf.code()));
            if (na) {
                if (reason == null) {
                    errors.add(leaf.code());
                }
                chapters.add(new ChapterEntry(leaf.code(), reason == null ? text : null, reason));
            }
            else if (text != null) {
                chapters.add(ChapterEntry.written(leaf.code(), text));
            }
        }
        List<AttachmentRef> attachments = new ArrayList<>();
        for (OutlineItem a : outline.attachments()) {
            String value = clean(form.getFirst("a." + a.code()));
            if (value != null) {
                try {
                    attachments.add(new AttachmentRef(a.code(), UUID.fromString(value)));
                }
                catch (IllegalArgumentException e) {
                    errors.add(a.code());
                }
            }
        }
        List<InformationResource> resources = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            if (!form.containsKey("r" + i + ".name")) {
                break;
            }
            String name = clean(form.getFirst("r" + i + ".name"));
            if (name == null) {
                continue;
            }
            ShareType type = null;
            String typeName = clean(form.getFirst("r" + i + ".shareType"));
            for (ShareType t : ShareType.values()) {
                if (t.name().equals(typeName)) {
                    type = t;
                }
            }
            resources.add(new InformationResource(name, type, clean(form.getFirst("r" + i + ".shareCondition")),
                    clean(form.getFirst("r" + i + ".notSharedReason"))));
        }
        List<ExtraPermit> permits = new ArrayList<>();
        for (PermitType type : PermitType.values()) {
            String reference = clean(form.getFirst("p." + type.name()));
            if (reference != null) {
                permits.add(new ExtraPermit(type, reference));
            }
        }
        return new SubmissionContent(chapters, attachments, resources, clean(form.getFirst("securityReliabilityStatement")),
                clean(form.getFirst("cryptoPlan")), clean(form.getFirst("cloudResources")),
                clean(form.getFirst("stateExemption")), permits);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value.replace("\u0000", "").replace("\r\n", "\n");
        return text.isBlank() ? null : text.strip();
    }

    private static Long parseVersion(String version) {
        try {
            return version == null || version.isBlank() ? null : Long.valueOf(version.strip());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Stage parseStage(String stage) {
        for (Stage s : Stage.values()) {
            if (s.name().equals(stage)) {
                return s;
            }
        }
        return null;
    }

    /** A line of the project's submission list. */
    record Row(Submission submission, boolean reviewPassed) {
    }

    /** A filed version in the provincial calendar. */
    record VersionLine(int revision, java.time.LocalDateTime submittedAt, String submittedBy) {
    }

    /** What a Word upload yielded, carried to the page after the redirect. */
    record DocxSummary(List<String> matched, List<String> missing, List<String> unmatchedHeadings) implements java.io.Serializable {
    }

}
