package cn.jl.govit.expert.web;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.expert.Aspect;
import cn.jl.govit.expert.Conclusion;
import cn.jl.govit.expert.ExpertField;
import cn.jl.govit.expert.ExpertPool;
import cn.jl.govit.expert.ExpertReview;
import cn.jl.govit.expert.ReviewClosedException;
import cn.jl.govit.expert.ReviewPanels;
import cn.jl.govit.expert.ReviewStatus;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The experts' pages (我的评审: their reviews and the opinion form) and the pool page of the administrator and the
 * approvers. Every decision is the services'; rule violations show in place, beside the aspect they concern.
 */
@Controller
class ExpertPagesController {

    private final ReviewPanels panels;
    private final ExpertPool pool;
    private final CitationMessages citations;

    ExpertPagesController(ReviewPanels panels, ExpertPool pool, CitationMessages citations) {
        this.panels = panels;
        this.pool = pool;
        this.citations = citations;
    }

    @GetMapping("/reviews")
    String myReviews(Model model) {
        model.addAttribute("reviews", panels.myReviews().stream().map(ReviewRow::of).toList());
        return "expert/reviews";
    }

    @GetMapping("/reviews/{id}")
    String review(@PathVariable String id, Model model) {
        ExpertReview review = panels.myReview(RecordNotFoundException.idOf("ExpertReview", id));
        model.addAttribute("form", new OpinionForm());
        return review(review, model);
    }

    @PostMapping("/reviews/{id}")
    String fileOpinion(@PathVariable String id, @Valid @ModelAttribute("form") OpinionForm form, BindingResult result,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID reviewId = RecordNotFoundException.idOf("ExpertReview", id);
        ExpertReview review = panels.myReview(reviewId);
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return review(review, model);
        }
        try {
            panels.fileOpinion(reviewId, form.toOpinion());
            redirect.addFlashAttribute("filed", true);
            return "redirect:/reviews/" + reviewId;
        }
        catch (RuleViolationException e) {
            Map<String, String> inPlace = new LinkedHashMap<>();
            for (Violation v : e.violations()) {
                Aspect aspect = aspectOf(v.item());
                if (aspect != null) {
                    inPlace.put(OpinionForm.FIELDS.get(aspect), citations.message(v, locale));
                }
            }
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            model.addAttribute("aspectViolations", inPlace);
            response.setStatus(422);
        }
        catch (ReviewClosedException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            review = panels.myReview(reviewId);
        }
        return review(review, model);
    }

    private String review(ExpertReview review, Model model) {
        model.addAttribute("review", review);
        model.addAttribute("open", review.status() == ReviewStatus.OPEN);
        model.addAttribute("aspects", OpinionForm.aspects());
        model.addAttribute("conclusions", Conclusion.values());
        if (!model.containsAttribute("aspectViolations")) {
            model.addAttribute("aspectViolations", Map.of());
        }
        return "expert/review";
    }

    @GetMapping("/experts")
    String pool(Model model) {
        model.addAttribute("newExpert", new ExpertForm());
        return pool(model, null);
    }

    @PostMapping("/experts")
    String enroll(@Valid @ModelAttribute("newExpert") ExpertForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        pool.checkMayManage();
        if (form.getUsername() == null || form.getUsername().isBlank()) {
            result.rejectValue("username", "NotBlank");
        }
        if (!result.hasErrors()) {
            try {
                pool.enroll(form.getUsername(), form.getFields(), form.isActive());
                redirect.addFlashAttribute("saved", form.getUsername().strip());
                return "redirect:/experts";
            }
            catch (InvalidInputException e) {
                e.errors().forEach(f -> result.rejectValue("username".equals(f.field()) ? "username" : "fields",
                        f.messageKey(), MessageKey.arguments(f.args()), null));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return pool(model, null);
    }

    @PostMapping("/experts/{username}")
    String update(@PathVariable String username, @Valid @ModelAttribute("editExpert") ExpertForm form,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        pool.get(username);
        model.addAttribute("newExpert", new ExpertForm());
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return pool(model, username);
        }
        try {
            pool.update(username, form.getFields(), form.isActive(), form.getVersion());
            redirect.addFlashAttribute("saved", username);
            return "redirect:/experts";
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return pool(model, null);
        }
    }

    private String pool(Model model, String failedUsername) {
        model.addAttribute("experts", pool.all());
        // the page never needs the whole ID number or phone: masked here, in full only through the contact API
        model.addAttribute("contacts", pool.maskedContacts());
        model.addAttribute("allFields", ExpertField.values());
        model.addAttribute("failedUsername", failedUsername);
        return "expert/pool";
    }

    private static Aspect aspectOf(String item) {
        for (Aspect a : Aspect.values()) {
            if (a.name().equals(item)) {
                return a;
            }
        }
        return null;
    }

    /** A line of the expert's review list, with dates in the provincial calendar. */
    record ReviewRow(UUID id, UUID submissionId, ReviewStatus status, String assigned, String submitted) {

        private static final java.time.format.DateTimeFormatter FORMAT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        static ReviewRow of(ExpertReview r) {
            return new ReviewRow(r.id(), r.submissionId(), r.status(), format(r.assignedAt()), format(r.submittedAt()));
        }

        private static String format(java.time.Instant instant) {
            return instant == null ? "" : FORMAT.format(instant.atZone(ExpertViews.ZONE));
        }
    }
}
