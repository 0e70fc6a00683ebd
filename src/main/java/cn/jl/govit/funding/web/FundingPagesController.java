package cn.jl.govit.funding.web;

import static cn.jl.govit.rulebook.FormFields.date;
import static cn.jl.govit.rulebook.FormFields.decimal;
import static cn.jl.govit.rulebook.FormFields.parsed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.funding.FundPlans;
import cn.jl.govit.funding.Funds;
import cn.jl.govit.funding.FundsSummary;
import cn.jl.govit.funding.GovernmentLevel;
import cn.jl.govit.funding.LevelShare;
import cn.jl.govit.funding.LevelShares;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;

/**
 * The funds page of a project (Art. 21, 25): the investment funnel as a bar chart and the tables of plans,
 * disbursements, spending and returns. Finance issues plans, disburses and confirms returns; the construction
 * unit records spending, returns and the split by level; every other reader sees it read-only. The forms take the
 * same request records and the same services as the API, so the rules and messages are the same.
 */
@Controller
class FundingPagesController {

    /** Blank rows the split-by-level form offers besides the recorded ones. */
    private static final int BLANK_SHARE_ROWS = 2;

    private final FundPlans plans;
    private final Funds funds;
    private final Projects projects;
    private final RequestValidator validator;
    private final FormRefusals refusals;

    FundingPagesController(FundPlans plans, Funds funds, Projects projects, RequestValidator validator, FormRefusals refusals) {
        this.refusals = refusals;
        this.plans = plans;
        this.funds = funds;
        this.projects = projects;
        this.validator = validator;
    }

    @GetMapping("/projects/{id}/funds")
    String page(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        Project project = projects.get(projectId);
        FundsSummary summary = funds.summary(projectId);
        Paging paging = Paging.of(page, Paging.DEFAULT_SIZE);
        model.addAttribute("project", project);
        model.addAttribute("summary", summary);
        model.addAttribute("bars", Bar.of(summary));
        model.addAttribute("plans", plans.forProject(projectId));
        model.addAttribute("disbursements", plans.disbursements(projectId));
        model.addAttribute("spending", funds.spending(projectId, paging.page(), paging.size()));
        model.addAttribute("returns", funds.returns(projectId));
        model.addAttribute("finance", plans.mayIssue());
        model.addAttribute("unit", funds.mayRecord(project));
        model.addAttribute("sources", project.facts().fundingSources().stream().map(FundingLine::source).toList());
        model.addAttribute("levels", GovernmentLevel.values());
        model.addAttribute("today", projects.today());
        if (!model.containsAttribute("shareRows")) {
            model.addAttribute("shareRows", ShareRow.of(summary.levelShares()));
        }
        return "funding/funds";
    }

    @PostMapping("/projects/{id}/funds/plans")
    String issue(@PathVariable String id, @RequestParam(required = false) String source,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String issuedOn, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        plans.checkMayIssue(projectId);
        model.addAttribute("entered", entered("source", source, "amount", amount));
        return act(projectId, "plans", model, locale, response, redirect, () -> {
            FundingRequests.IssueFundPlan request = validator.valid(new FundingRequests.IssueFundPlan(
                    parsed("source", source, FundingSource::valueOf), decimal("amount", amount), date("issuedOn", issuedOn)));
            return plans.issue(projectId, request.source(), request.amount(), request.issuedOn());
        });
    }

    @PostMapping("/projects/{id}/funds/plans/{planId}/disbursements")
    String disburse(@PathVariable String id, @PathVariable String planId, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String disbursedOn, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID plan = RecordNotFoundException.idOf("FundPlan", planId);
        plans.checkMayIssue(projectId);
        return act(projectId, "disbursements", model, locale, response, redirect, () -> {
            FundingRequests.Disburse request = validator.valid(new FundingRequests.Disburse(decimal("amount", amount),
                    date("disbursedOn", disbursedOn)));
            return plans.disburse(projectId, plan, request.amount(), request.disbursedOn());
        });
    }

    @PostMapping("/projects/{id}/funds/spending")
    String spend(@PathVariable String id, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String spentOn, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String contractReference,
            @RequestParam(required = false) String voucherDocumentId, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        funds.checkMayRecord(projectId);
        model.addAttribute("entered", entered("amount", amount, "purpose", purpose, "contractReference",
                contractReference, "voucherDocumentId", voucherDocumentId));
        return act(projectId, "spending", model, locale, response, redirect, () -> {
            FundingRequests.RecordSpending request = validator.valid(new FundingRequests.RecordSpending(
                    decimal("amount", amount), date("spentOn", spentOn), purpose, blankToNull(contractReference),
                    parsed("voucherDocumentId", voucherDocumentId, UUID::fromString)));
            return funds.recordSpending(projectId, request.amount(), request.spentOn(), request.purpose(),
                    request.contractReference(), request.voucherDocumentId());
        });
    }

    @PostMapping("/projects/{id}/funds/returns")
    String returnSurplus(@PathVariable String id, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String returnedOn, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        funds.checkMayRecord(projectId);
        model.addAttribute("entered", entered("amount", amount));
        return act(projectId, "returns", model, locale, response, redirect, () -> {
            FundingRequests.ReturnSurplus request = validator.valid(new FundingRequests.ReturnSurplus(
                    decimal("amount", amount), date("returnedOn", returnedOn)));
            return funds.recordReturn(projectId, request.amount(), request.returnedOn());
        });
    }

    @PostMapping("/projects/{id}/funds/returns/{returnId}/confirmation")
    String confirm(@PathVariable String id, @PathVariable String returnId,
            @RequestParam(required = false) String confirmedOn, @RequestParam(required = false) String version,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID returned = RecordNotFoundException.idOf("SurplusReturn", returnId);
        funds.checkMayConfirm(projectId);
        return act(projectId, "returns", model, locale, response, redirect, () -> {
            FundingRequests.ConfirmReturn request = validator.valid(new FundingRequests.ConfirmReturn(
                    date("confirmedOn", confirmedOn), parsed("version", version, Long::valueOf)));
            return funds.confirmReturn(projectId, returned, request.version(), request.confirmedOn());
        });
    }

    @PostMapping("/projects/{id}/funds/level-shares")
    String levelShares(@PathVariable String id, @RequestParam(required = false) String version,
            @RequestParam(name = "level", required = false) List<String> level,
            @RequestParam(name = "organization", required = false) List<String> organization,
            @RequestParam(name = "contentResponsibility", required = false) List<String> content,
            @RequestParam(name = "amount", required = false) List<String> amount, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        funds.checkMayRecord(projectId);
        List<ShareRow> rows = ShareRow.of(level, organization, content, amount);
        model.addAttribute("shareRows", ShareRow.padded(rows));
        return act(projectId, "level-shares", model, locale, response, redirect, () -> {
            List<FundingRequests.Share> shares = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                ShareRow row = rows.get(i);
                shares.add(new FundingRequests.Share(parsed("shares[" + i + "].level", row.level(), GovernmentLevel::valueOf),
                        blankToNull(row.organization()), blankToNull(row.contentResponsibility()),
                        decimal("shares[" + i + "].amount", row.amount())));
            }
            FundingRequests.ReplaceLevelShares request = validator.valid(new FundingRequests.ReplaceLevelShares(
                    parsed("version", version, Long::valueOf), shares));
            return funds.replaceLevelShares(projectId, request.version(), request.toShares());
        });
    }

    /**
     * Runs an action and redirects to the page; a refusal renders the page again with the field errors
     * ({@code 400}), the violated rules ({@code 422}) or the conflict ({@code 409}) beside the form it came from.
     */
    private String act(UUID projectId, String form, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect, Supplier<Object> action) {
        if (refusals.attempt(model, locale, response, FieldMessage::new, action)) {
            redirect.addFlashAttribute("saved", form);
            return "redirect:/projects/" + projectId + "/funds#" + form;
        }
        model.addAttribute("failedForm", form);
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/funds");
        return page(projectId.toString(), 0, model);
    }

    /** A field error as the page shows it: the field's label key is {@code funding.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            String base = field.replaceAll("^shares\\[\\d+]\\.", "").replaceAll("\\[\\d+]", "").replaceAll("\\..*", "");
            return "funding.field." + base;
        }
    }

    /** One figure of the funnel as a bar, its width in percent of the largest figure. */
    record Bar(String key, BigDecimal amount, int percent) {

        static List<Bar> of(FundsSummary s) {
            BigDecimal approved = s.approved() == null ? BigDecimal.ZERO : s.approved();
            List<BigDecimal> figures = List.of(approved, s.contracted(), s.planned(), s.disbursed(), s.spent(), s.returned());
            List<String> keys = List.of("approved", "contracted", "planned", "disbursed", "spent", "returned");
            BigDecimal max = figures.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < figures.size(); i++) {
                BigDecimal figure = figures.get(i);
                int percent = max.signum() == 0 ? 0
                        : figure.multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue();
                // a figure that is not zero stays visible however small
                bars.add(new Bar(keys.get(i), figure, figure.signum() > 0 ? Math.max(percent, 1) : 0));
            }
            return bars;
        }
    }

    /** A row of the split-by-level form, as typed. */
    record ShareRow(String level, String organization, String contentResponsibility, String amount) {

        static List<ShareRow> of(LevelShares shares) {
            List<ShareRow> rows = new ArrayList<>(shares.shares().stream().map(ShareRow::of).toList());
            return padded(rows);
        }

        static ShareRow of(LevelShare share) {
            return new ShareRow(share.level().name(), share.organization(), share.contentResponsibility(),
                    share.amount().toPlainString());
        }

        static List<ShareRow> padded(List<ShareRow> rows) {
            List<ShareRow> padded = new ArrayList<>(rows);
            for (int i = 0; i < BLANK_SHARE_ROWS; i++) {
                padded.add(new ShareRow("", "", "", ""));
            }
            return padded;
        }

        /** The rows the user filled in; a row left blank entirely is no share. */
        static List<ShareRow> of(List<String> level, List<String> organization, List<String> content, List<String> amount) {
            int n = Math.max(Math.max(size(level), size(organization)), Math.max(size(content), size(amount)));
            List<ShareRow> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ShareRow row = new ShareRow(at(level, i), at(organization, i), at(content, i), at(amount, i));
                if (!(blank(row.organization()) && blank(row.contentResponsibility()) && blank(row.amount()))) {
                    rows.add(row);
                }
            }
            return rows;
        }

        private static int size(List<String> values) {
            return values == null ? 0 : values.size();
        }

        private static String at(List<String> values, int i) {
            return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
        }
    }

    /** What the user typed, to fill the form in again when it is refused ({@code null} values as blank). */
    private static java.util.Map<String, String> entered(String... namesAndValues) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return values;
    }




    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
