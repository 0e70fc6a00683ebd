package cn.jl.govit.expert.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.expert.AcceptanceAspect;
import cn.jl.govit.expert.AcceptanceAssignment;
import cn.jl.govit.expert.AcceptanceCommittees;
import cn.jl.govit.expert.AcceptanceConclusion;
import cn.jl.govit.expert.AssignmentStatus;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The experts' acceptance committee pages (验收评估: their committee assignments and the acceptance assessment
 * opinion form, Annex 4 §7). Every decision is the service's; rule violations show in place, beside the aspect
 * they concern.
 */
@Controller
class CommitteePagesController {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AcceptanceCommittees committees;
    private final CitationMessages citations;

    CommitteePagesController(AcceptanceCommittees committees, CitationMessages citations) {
        this.committees = committees;
        this.citations = citations;
    }

    @GetMapping("/acceptance/reviews")
    String myAssignments(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("list", committees.myAssignments(Paging.of(page, Paging.DEFAULT_SIZE)).map(AssignmentRow::of));
        return "expert/committee-list";
    }

    @GetMapping("/acceptance/reviews/{id}")
    String assignment(@PathVariable String id, Model model) {
        AcceptanceAssignment assignment = committees.myAssignment(RecordNotFoundException.idOf("AcceptanceAssignment", id));
        CommitteeOpinionForm form = new CommitteeOpinionForm();
        form.setVersion(assignment.version());
        model.addAttribute("form", form);
        return assignment(assignment, model);
    }

    @PostMapping("/acceptance/reviews/{id}")
    String fileOpinion(@PathVariable String id, @Valid @ModelAttribute("form") CommitteeOpinionForm form,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID assignmentId = RecordNotFoundException.idOf("AcceptanceAssignment", id);
        AcceptanceAssignment assignment = committees.myAssignment(assignmentId);
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return assignment(assignment, model);
        }
        try {
            committees.fileOpinion(assignmentId, form.getVersion(), form.toInput());
            redirect.addFlashAttribute("filed", true);
            return "redirect:/acceptance/reviews/" + assignmentId;
        }
        catch (RuleViolationException e) {
            Map<String, String> inPlace = new LinkedHashMap<>();
            for (Violation v : e.violations()) {
                inPlace.put(fieldOf(v.item()), citations.message(v, locale));
            }
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            model.addAttribute("fieldViolations", inPlace);
            response.setStatus(422);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            assignment = committees.myAssignment(assignmentId);
        }
        return assignment(assignment, model);
    }

    private String assignment(AcceptanceAssignment assignment, Model model) {
        model.addAttribute("assignment", assignment);
        model.addAttribute("committee", committees.committeeOfMyAssignment(assignment.id()));
        model.addAttribute("open", assignment.status() == AssignmentStatus.OPEN);
        model.addAttribute("assigned", format(assignment.assignedAt()));
        model.addAttribute("filedAt", format(assignment.filedAt()));
        model.addAttribute("aspects", CommitteeOpinionForm.aspects());
        model.addAttribute("conclusions", AcceptanceConclusion.values());
        if (!model.containsAttribute("fieldViolations")) {
            model.addAttribute("fieldViolations", Map.of());
        }
        return "expert/committee-review";
    }

    /** The form field a violation concerns: an aspect's field, or {@code conclusion} / {@code overallOpinion} as such. */
    private static String fieldOf(String item) {
        for (AcceptanceAspect a : AcceptanceAspect.values()) {
            if (a.name().equals(item)) {
                return CommitteeOpinionForm.FIELDS.get(a);
            }
        }
        return item;
    }

    private static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(ExpertViews.ZONE));
    }

    /** A line of the expert's committee list, with dates in the provincial calendar. */
    record AssignmentRow(UUID id, String projectCode, String projectName, AssignmentStatus status, String assigned,
            String filed) {

        static AssignmentRow of(AcceptanceAssignment a) {
            return new AssignmentRow(a.id(), a.projectCode(), a.projectName(), a.status(), format(a.assignedAt()),
                    format(a.filedAt()));
        }
    }
}
