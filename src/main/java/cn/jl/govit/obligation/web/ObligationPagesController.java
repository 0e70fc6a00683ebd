package cn.jl.govit.obligation.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jl.govit.obligation.ObligationStatus;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;

/** The deadlines of one project and the list of deadlines across the projects the user may see. */
@Controller
class ObligationPagesController {

    private static final int PAGE_SIZE = 20;

    private final Obligations obligations;
    private final Projects projects;
    private final FormRefusals refusals;

    ObligationPagesController(Obligations obligations, Projects projects, FormRefusals refusals) {
        this.obligations = obligations;
        this.projects = projects;
        this.refusals = refusals;
    }

    @GetMapping("/projects/{id}/obligations")
    String project(@PathVariable String id, Model model) {
        Project project = projects.get(RecordNotFoundException.idOf("Project", id));
        LocalDate today = obligations.today();
        model.addAttribute("project", project);
        model.addAttribute("today", today);
        model.addAttribute("authority", projects.isAuthority(project));
        model.addAttribute("obligations",
                obligations.forProject(project.id()).stream().map(o -> ObligationView.of(o, today)).toList());
        return "obligation/project";
    }

    /** The approval authority lifts a pending obligation with its reason; a refusal shows in place. */
    @PostMapping("/projects/{id}/obligations/{obligationId}/waiver")
    String waive(@PathVariable String id, @PathVariable String obligationId, @RequestParam(required = false) String reason,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID obligation = RecordNotFoundException.idOf("Obligation", obligationId);
        if (!obligations.checkMayWaive(obligation).projectId().equals(projectId)) {
            throw new RecordNotFoundException("Obligation", obligation);
        }
        if (refusals.attempt(model, locale, response, FieldMessage::new, () -> obligations.waive(obligation, reason))) {
            redirect.addFlashAttribute("waived", obligation);
            return "redirect:/projects/" + projectId + "/obligations";
        }
        model.addAttribute("failed", obligation);
        return project(id, model);
    }

    /** A field error as the page shows it. */
    record FieldMessage(String field, String message) {
    }

    @GetMapping("/obligations")
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        ObligationStatus filter = parse(status);
        Paging paging = Paging.of(page, PAGE_SIZE);
        LocalDate today = obligations.today();
        PageOf<ObligationView> list = obligations.page(filter, paging.page(), paging.size())
                .map(l -> ObligationView.of(l, today));
        model.addAttribute("list", list);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", List.of(ObligationStatus.values()));
        model.addAttribute("today", today);
        model.addAttribute("firstShown", list.totalElements() == 0 ? 0 : (long) list.page() * list.size() + 1);
        model.addAttribute("lastShown", (long) list.page() * list.size() + list.content().size());
        return "obligation/list";
    }

    /** An unknown status in the address shows every status rather than an error page. */
    private static ObligationStatus parse(String status) {
        return Arrays.stream(ObligationStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }
}
