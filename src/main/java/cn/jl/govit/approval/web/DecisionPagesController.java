package cn.jl.govit.approval.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.approval.Submission;
import cn.jl.govit.approval.SubmissionStatus;
import cn.jl.govit.approval.decision.Decision;
import cn.jl.govit.approval.decision.DecisionOutcome;
import cn.jl.govit.approval.decision.Decisions;
import cn.jl.govit.expert.ConsolidatedReview;
import cn.jl.govit.expert.ReviewPanels;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The approval authority's pages for a filed submission (Art. 10, 13): the expert panel and its consolidated
 * report, drawing a panel, the decision with its numbered, signed reply. Every check is {@link Decisions}'s.
 */
@Controller
class DecisionPagesController {

    static final int DEFAULT_PANEL_SIZE = 3;

    private final Decisions decisions;
    private final Projects projects;
    private final CitationMessages citations;
    private final MessageSource messages;
    private final cn.jl.govit.organization.CurrentUsers users;

    DecisionPagesController(Decisions decisions, Projects projects, CitationMessages citations, MessageSource messages,
            cn.jl.govit.organization.CurrentUsers users) {
        this.users = users;
        this.decisions = decisions;
        this.projects = projects;
        this.citations = citations;
        this.messages = messages;
    }

    /** The approver's queue: filed submissions awaiting the decision of the user's authority. */
    @GetMapping("/approvals")
    String queue(Model model) {
        if (!users.current().has(cn.jl.govit.organization.Role.APPROVER)) {
            throw new org.springframework.security.access.AccessDeniedException("approvers only");
        }
        model.addAttribute("awaiting", decisions.awaitingDecision());
        return "approval/queue";
    }

    @GetMapping("/submissions/{id}/decision")
    String page(@PathVariable String id, Model model) {
        UUID submissionId = RecordNotFoundException.idOf("Submission", id);
        Submission submission = decisions.checkAuthority(submissionId);
        model.addAttribute("form", new DecisionForm());
        return page(submission, model);
    }

    @PostMapping("/submissions/{id}/decision/panel")
    String drawPanel(@PathVariable String id, @RequestParam(required = false) String size, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID submissionId = RecordNotFoundException.idOf("Submission", id);
        Submission submission = decisions.checkAuthority(submissionId);
        model.addAttribute("form", new DecisionForm());
        model.addAttribute("canonicalUrl", "/submissions/" + submissionId + "/decision");
        Integer n = parseSize(size);
        if (n == null) {
            model.addAttribute("panelError", citations.text("decision.page.panel.size.invalid", locale,
                    ReviewPanels.MAX_PANEL_SIZE));
            model.addAttribute("panelSize", size);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(submission, model);
        }
        try {
            decisions.drawPanel(submissionId, n);
            redirect.addFlashAttribute("panelDrawn", true);
            return "redirect:/submissions/" + submissionId + "/decision";
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (InvalidInputException e) {
            model.addAttribute("panelError", e.errors().stream()
                    .map(f -> messages.getMessage(f.messageKey(), MessageKey.arguments(f.args()), f.messageKey(), locale))
                    .reduce((a, b) -> a + " " + b).orElse(""));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("panelSize", n);
        return page(submission, model);
    }

    @PostMapping("/submissions/{id}/decision")
    String decide(@PathVariable String id, @Valid @ModelAttribute("form") DecisionForm form, BindingResult result,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID submissionId = RecordNotFoundException.idOf("Submission", id);
        Submission submission = decisions.checkAuthority(submissionId);
        model.addAttribute("canonicalUrl", "/submissions/" + submissionId + "/decision");
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(submission, model);
        }
        try {
            Decision decision = decisions.decide(submissionId, new Decisions.DecisionCommand(form.getOutcome(),
                    form.getApprovedInvestment(), form.getConstructionPeriodMonths(), form.getSharingOpinion(),
                    form.getOpinion()));
            redirect.addFlashAttribute("decided", decision.documentNumber());
            return "redirect:/submissions/" + submissionId + "/decision#decision-" + decision.id();
        }
        catch (InvalidInputException e) {
            for (InvalidInputException.FieldError f : e.errors()) {
                result.addError(new FieldError("form", f.field(), null, false, null, null,
                        messages.getMessage(f.messageKey(), MessageKey.arguments(f.args()), f.messageKey(), locale)));
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        return page(decisions.checkAuthority(submissionId), model);
    }

    /** The reply as it would be issued, opened beside the form; nothing is numbered, signed or stored. */
    @PostMapping("/submissions/{id}/decision/preview")
    Object preview(@PathVariable String id, @Valid @ModelAttribute("form") DecisionForm form, BindingResult result,
            Model model, Locale locale, HttpServletResponse response) {
        UUID submissionId = RecordNotFoundException.idOf("Submission", id);
        Submission submission = decisions.checkAuthority(submissionId);
        model.addAttribute("canonicalUrl", "/submissions/" + submissionId + "/decision");
        if (!result.hasErrors()) {
            try {
                byte[] pdf = decisions.preview(submissionId, new Decisions.DecisionCommand(form.getOutcome(),
                        form.getApprovedInvestment(), form.getConstructionPeriodMonths(), form.getSharingOpinion(),
                        form.getOpinion()));
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("preview.pdf").build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(pdf);
            }
            catch (InvalidInputException e) {
                for (InvalidInputException.FieldError f : e.errors()) {
                    result.addError(new FieldError("form", f.field(), null, false, null, null,
                            messages.getMessage(f.messageKey(), MessageKey.arguments(f.args()), f.messageKey(), locale)));
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(submission, model);
    }

    /** The signed reply for a browser session, for whoever sees the project (the API's twin needs HTTP Basic). */
    @GetMapping("/decisions/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable String id) {
        UUID decisionId = RecordNotFoundException.idOf("Decision", id);
        Decision decision = decisions.get(decisionId);
        byte[] pdf = decisions.reply(decisionId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(decision.documentNumber() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Signature-Algorithm", "SM3withSM2")
                .header("X-Signature", decision.signature())
                .header("X-Signing-Key-Id", decision.signingKeyId())
                .body(pdf);
    }

    private String page(Submission submission, Model model) {
        model.addAttribute("submission", submission);
        model.addAttribute("project", projects.get(submission.projectId()));
        ConsolidatedReview report;
        try {
            report = decisions.reviewReport(submission.id());
        }
        catch (RecordNotFoundException e) {
            report = null;
        }
        model.addAttribute("report", report);
        List<Decision> made = decisions.forProject(submission.projectId()).stream()
                .filter(d -> d.submissionId().equals(submission.id())).toList();
        model.addAttribute("decisions", made);
        boolean open = submission.status() == SubmissionStatus.SUBMITTED
                && made.stream().noneMatch(d -> submission.submittedAt() != null && !d.decidedAt().isBefore(submission.submittedAt()));
        model.addAttribute("canDecide", open);
        model.addAttribute("outcomes", DecisionOutcome.values());
        if (!model.containsAttribute("panelSize")) {
            model.addAttribute("panelSize", DEFAULT_PANEL_SIZE);
        }
        model.addAttribute("maxPanelSize", ReviewPanels.MAX_PANEL_SIZE);
        @SuppressWarnings("unchecked")
        List<CitationMessages.CitationView> violations = (List<CitationMessages.CitationView>) model.getAttribute("violations");
        model.addAttribute("sharingViolations", violations == null ? List.of()
                : violations.stream().filter(v -> "sharingOpinion".equals(v.item())).toList());
        return "approval/decision";
    }

    private static Integer parseSize(String size) {
        try {
            int n = Integer.parseInt(size == null ? "" : size.strip());
            return n >= 1 && n <= ReviewPanels.MAX_PANEL_SIZE ? n : null;
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    /** What the decision form posts; types and ranges are checked here, the rules by {@link Decisions}. */
    public static class DecisionForm {

        @NotNull
        private DecisionOutcome outcome;
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 13, fraction = 2)
        private BigDecimal approvedInvestment;
        @Min(1)
        @Max(120)
        private Integer constructionPeriodMonths;
        @Size(max = 20000)
        private String sharingOpinion;
        @NotBlank
        @Size(max = 20000)
        private String opinion;

        public DecisionOutcome getOutcome() { return outcome; }
        public void setOutcome(DecisionOutcome outcome) { this.outcome = outcome; }
        public BigDecimal getApprovedInvestment() { return approvedInvestment; }
        public void setApprovedInvestment(BigDecimal approvedInvestment) { this.approvedInvestment = approvedInvestment; }
        public Integer getConstructionPeriodMonths() { return constructionPeriodMonths; }
        public void setConstructionPeriodMonths(Integer months) { this.constructionPeriodMonths = months; }
        public String getSharingOpinion() { return sharingOpinion; }
        public void setSharingOpinion(String sharingOpinion) { this.sharingOpinion = sharingOpinion; }
        public String getOpinion() { return opinion; }
        public void setOpinion(String opinion) { this.opinion = opinion; }
    }
}
